package com.wholesaler.marketing.identity;

import java.util.List;

/**
 * The demo users (password "demo"), each in the group its name says. The engine shows a user as
 * "first name, last name", so the family name goes into the first name: the webapps then read
 * "李 明" in the Chinese order, and the Chinese locale labels the two fields 姓 and 名.
 */
public record DemoUser(String id, String familyName, String givenName, String groupId) {

	public static final String PASSWORD = "demo";

	public static final List<DemoUser> ALL = List.of(
			new DemoUser("executive", "王", "建國", Role.EXECUTIVE.groupId()),
			new DemoUser("director", "李", "明", Role.CENTER_DIRECTOR.groupId()),
			new DemoUser("deputy", "趙", "華", Role.DEPUTY_DIRECTOR.groupId()),
			new DemoUser("brandhead", "陳", "靜", Role.BRAND_PLANNING_HEAD.groupId()),
			new DemoUser("genadmin", "劉", "芳", Role.GENERAL_ADMIN.groupId()),
			new DemoUser("supply", "張", "偉", Role.SUPPLY_MANAGER.groupId()),
			new DemoUser("brandmgr", "楊", "帆", Role.BRAND_MANAGER.groupId()),
			new DemoUser("orderhead", "黃", "磊", Role.ORDER_DEPT_HEAD.groupId()),
			new DemoUser("seatlead", "周", "敏", Role.SEAT_LEADER.groupId()),
			new DemoUser("clerk1", "吳", "婷", Role.PHONE_CLERK.groupId()),
			new DemoUser("clerk2", "鄭", "浩", Role.PHONE_CLERK.groupId()),
			new DemoUser("regional1", "孫", "強", Role.REGIONAL_MARKETING.groupId()),
			new DemoUser("owner", "馬", "林", Role.PROCESS_OWNER.groupId()),
			new DemoUser("sysadmin", "系統", "管理員", Role.CAMUNDA_ADMIN),
			new DemoUser("platform", "系統", "接口", Role.INTEGRATION));
}
