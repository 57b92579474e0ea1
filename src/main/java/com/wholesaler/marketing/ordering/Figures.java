package com.wholesaler.marketing.ordering;

/**
 * The counts behind the seed's call-centre figures, and the figures themselves, each as the page
 * defines it. Counts add up (a week is the sum of its days); rates are taken from the sums, never
 * averaged. A rate with nothing to divide by is null (shown as "—").
 *
 * @param calls every call made
 * @param answered calls the retailer answered (connected or hung up midway)
 * @param completed calls that ended normally (connected, not hung up)
 * @param called retailers called (on a day: distinct retailers)
 * @param ordering retailers who ordered
 * @param orders calls with an order
 * @param cartons cartons ordered
 * @param seconds time on the phone
 * @param orderSeconds time on the calls that took an order
 * @param listed retailers on the day's lists
 * @param planCartons their plan quantities (銷量計畫)
 * @param specialCartons cartons of products under an allocation limit on the day (short or tight)
 */
public record Figures(int calls, int answered, int completed, int called, int ordering, int orders, int cartons, long seconds,
		long orderSeconds, int listed, int planCartons, int specialCartons) {

	public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	static Figures listed(int retailers, int planCartons) {
		return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, retailers, planCartons, 0);
	}

	static Figures special(int cartons) {
		return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cartons);
	}

	public Figures plus(Figures o) {
		return new Figures(calls + o.calls, answered + o.answered, completed + o.completed, called + o.called, ordering + o.ordering,
				orders + o.orders, cartons + o.cartons, seconds + o.seconds, orderSeconds + o.orderSeconds, listed + o.listed,
				planCartons + o.planCartons, specialCartons + o.specialCartons);
	}

	/** 接通率: calls answered ÷ calls made. */
	public Double connectRate() {
		return ratio(answered, calls);
	}

	/** 操作成功率: answered calls not ended midway by the retailer ÷ calls answered. */
	public Double successRate() {
		return ratio(completed, answered);
	}

	/** 客戶訂單平均完成時間, seconds: time on the calls that took an order ÷ those calls. */
	public Double averageOrderSeconds() {
		return orders == 0 ? null : orderSeconds / (double) orders;
	}

	/** 訪銷客戶完成率: retailers called ÷ retailers on the lists. */
	public Double visitRate() {
		return ratio(called, listed);
	}

	/** 訪銷客戶成功率: retailers who ordered ÷ retailers on the lists. */
	public Double visitSuccessRate() {
		return ratio(ordering, listed);
	}

	/** 訂單計畫量完成率: cartons ordered ÷ the plan quantities of the retailers on the lists. */
	public Double planRate() {
		return ratio(cartons, planCartons);
	}

	/** 單客戶平均訪銷時間, seconds: time on the phone ÷ retailers called. */
	public Double secondsPerRetailer() {
		return called == 0 ? null : seconds / (double) called;
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : part / (double) whole;
	}
}
