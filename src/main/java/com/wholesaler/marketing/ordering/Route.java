package com.wholesaler.marketing.ordering;

import java.time.DayOfWeek;

/** 線路: the retailers of one region called on the same weekday, given to one clerk (none while unassigned). */
public record Route(String code, String name, String regionCode, DayOfWeek orderDay, String clerk, int retailers) {
}
