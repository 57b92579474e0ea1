package com.wholesaler.marketing.ordering;

import java.util.ArrayList;
import java.util.List;

import com.wholesaler.marketing.workbook.XlsxBook.Column;
import com.wholesaler.marketing.workbook.XlsxBook.Format;
import com.wholesaler.marketing.workbook.XlsxBook;

/** The call-centre figures as an Excel workbook: a sheet per view (clerk and day, clerk and week, all by day) and one of the definitions. */
final class FiguresWorkbook {

	private FiguresWorkbook() {
	}

	static byte[] of(CallCentreFigures.Report report) {
		return new XlsxBook()
				.sheet("坐席每日", columns(true, true), report.clerkDays())
				.sheet("坐席每週", columns(false, true), report.clerkWeeks())
				.sheet("全體每日", columns(true, false), report.days())
				.definitions("指標定義", FiguresDefinitions.ALL)
				.bytes();
	}

	private static List<Column<CallCentreFigures.Row>> columns(boolean byDay, boolean byClerk) {
		List<Column<CallCentreFigures.Row>> columns = new ArrayList<>();
		columns.add(byDay ? new Column<>("日期", 12, r -> r.day().toString(), Format.TEXT)
				: new Column<>("週（起）", 12, r -> r.week().toString(), Format.TEXT));
		if (byClerk) {
			columns.add(new Column<>("坐席", 12, CallCentreFigures.Row::clerk, Format.TEXT));
		}
		columns.addAll(List.of(
				new Column<>("列表戶數", 10, r -> r.figures().listed(), Format.COUNT),
				new Column<>("通話次數", 10, r -> r.figures().calls(), Format.COUNT),
				new Column<>("接通率", 10, r -> r.figures().connectRate(), Format.PERCENT),
				new Column<>("操作成功率", 11, r -> r.figures().successRate(), Format.PERCENT),
				new Column<>("訪銷客戶完成率", 14, r -> r.figures().visitRate(), Format.PERCENT),
				new Column<>("訪銷客戶成功率", 14, r -> r.figures().visitSuccessRate(), Format.PERCENT),
				new Column<>("訂貨條數", 10, r -> r.figures().cartons(), Format.COUNT),
				new Column<>("計畫量（條）", 12, r -> r.figures().planCartons(), Format.COUNT),
				new Column<>("訂單計畫量完成率", 16, r -> r.figures().planRate(), Format.PERCENT),
				new Column<>("特殊捲菸訂貨量（條）", 18, r -> r.figures().specialCartons(), Format.COUNT),
				new Column<>("訪銷時間（分鐘）", 15, r -> r.figures().seconds() / 60.0, Format.DECIMAL),
				new Column<>("單客戶平均訪銷時間（秒）", 20, r -> r.figures().secondsPerRetailer(), Format.DECIMAL),
				new Column<>("客戶訂單平均完成時間（秒）", 22, r -> r.figures().averageOrderSeconds(), Format.DECIMAL)));
		return columns;
	}
}
