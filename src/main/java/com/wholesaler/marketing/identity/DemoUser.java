package com.wholesaler.marketing.identity;

import java.util.List;

/**
 * The demo users (password "demo"), each in the group its name says. A Chinese name is written
 * whole, family name first, so it is kept as the engine's first name and the last name stays empty:
 * the webapps then show "李明", not "明 李".
 */
public record DemoUser(String id, String name, String groupId) {

	public static final String PASSWORD = "demo";

	public static final List<DemoUser> ALL = List.of(
			new DemoUser("executive", "王建國", Role.EXECUTIVE.groupId()),
			new DemoUser("director", "李明", Role.CENTER_DIRECTOR.groupId()),
			new DemoUser("deputy", "趙華", Role.DEPUTY_DIRECTOR.groupId()),
			new DemoUser("brandhead", "陳靜", Role.BRAND_PLANNING_HEAD.groupId()),
			new DemoUser("genadmin", "劉芳", Role.GENERAL_ADMIN.groupId()),
			new DemoUser("supply", "張偉", Role.SUPPLY_MANAGER.groupId()),
			new DemoUser("brandmgr", "楊帆", Role.BRAND_MANAGER.groupId()),
			new DemoUser("orderhead", "黃磊", Role.ORDER_DEPT_HEAD.groupId()),
			new DemoUser("seatlead", "周敏", Role.SEAT_LEADER.groupId()),
			new DemoUser("clerk1", "吳婷", Role.PHONE_CLERK.groupId()),
			new DemoUser("clerk2", "鄭浩", Role.PHONE_CLERK.groupId()),
			new DemoUser("regional1", "孫強", Role.REGIONAL_MARKETING.groupId()),
			new DemoUser("owner", "馬林", Role.PROCESS_OWNER.groupId()),
			new DemoUser("sysadmin", "系統管理員", Role.CAMUNDA_ADMIN));
}
