package com.wholesaler.marketing.ordering;

import java.util.List;

/** What each call-centre figure means, as the page and the workbook print it (the formulas are Figures'). */
final class FiguresDefinitions {

	static final List<String[]> ALL = List.of(
			new String[] {"接通率", "客戶接聽的電話（接通或中途掛斷）÷ 撥出的電話"},
			new String[] {"操作成功率", "接聽後正常結束的電話 ÷ 客戶接聽的電話；客戶中途結束通話算作不成功"},
			new String[] {"客戶訂單平均完成時間", "有訂單的電話的通話時間合計 ÷ 有訂單的電話數"},
			new String[] {"訪銷客戶完成率", "已致電的客戶 ÷ 當日訪銷列表上的客戶（早上生成的列表）"},
			new String[] {"訪銷客戶成功率", "下了訂單的客戶 ÷ 當日訪銷列表上的客戶"},
			new String[] {"訂單計畫量完成率", "訂貨條數 ÷ 列表客戶的計畫量合計（每戶前四個整週的平均週訂貨量）"},
			new String[] {"特殊捲菸訂貨量", "當日有投放控制量（缺貨或緊俏）的規格的訂貨條數"},
			new String[] {"當日訪銷時間", "當日所有電話的通話時間合計"},
			new String[] {"單客戶平均訪銷時間", "通話時間合計 ÷ 已致電的客戶數"});

	private FiguresDefinitions() {
	}
}
