package com.wholesaler.marketing.purchaseplan;

import java.time.LocalDateTime;

/** One entry of a plan's history: a decision with its comment, user and time, or a reminder. */
public record PlanEvent(PlanStep step, PlanEventType type, String comment, String actor, LocalDateTime occurredAt) {
}
