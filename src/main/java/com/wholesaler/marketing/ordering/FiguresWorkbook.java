package com.wholesaler.marketing.ordering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The call-centre figures as an Excel workbook (opens in Excel and WPS): a sheet per view with Chinese
 * headers, percentages and counts formatted, the header row frozen, and a sheet of the definitions.
 */
final class FiguresWorkbook {

	private record Column(String header, int width, Function<CallCentreFigures.Row, Object> value, CellStyle style) {
	}

	private final XSSFWorkbook workbook = new XSSFWorkbook();
	private final CellStyle header;
	private final CellStyle percent;
	private final CellStyle count;
	private final CellStyle decimal;
	private final CellStyle text;

	private FiguresWorkbook() {
		DataFormat format = workbook.createDataFormat();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		percent = workbook.createCellStyle();
		percent.setDataFormat(format.getFormat("0.0%"));
		count = workbook.createCellStyle();
		count.setDataFormat(format.getFormat("#,##0"));
		decimal = workbook.createCellStyle();
		decimal.setDataFormat(format.getFormat("#,##0.0"));
		text = workbook.createCellStyle();
	}

	static byte[] of(CallCentreFigures.Report report) {
		FiguresWorkbook book = new FiguresWorkbook();
		book.sheet("坐席每日", report.clerkDays(), true, true);
		book.sheet("坐席每週", report.clerkWeeks(), false, true);
		book.sheet("全體每日", report.days(), true, false);
		book.definitions();
		try (XSSFWorkbook workbook = book.workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void sheet(String name, List<CallCentreFigures.Row> rows, boolean byDay, boolean byClerk) {
		List<Column> columns = new java.util.ArrayList<>();
		columns.add(byDay ? new Column("日期", 12, r -> r.day().toString(), text) : new Column("週（起）", 12, r -> r.week().toString(), text));
		if (byClerk) {
			columns.add(new Column("坐席", 12, CallCentreFigures.Row::clerk, text));
		}
		columns.addAll(List.of(
				new Column("列表戶數", 10, r -> r.figures().listed(), count),
				new Column("通話次數", 10, r -> r.figures().calls(), count),
				new Column("接通率", 10, r -> r.figures().connectRate(), percent),
				new Column("操作成功率", 11, r -> r.figures().successRate(), percent),
				new Column("訪銷客戶完成率", 14, r -> r.figures().visitRate(), percent),
				new Column("訪銷客戶成功率", 14, r -> r.figures().visitSuccessRate(), percent),
				new Column("訂貨條數", 10, r -> r.figures().cartons(), count),
				new Column("計畫量（條）", 12, r -> r.figures().planCartons(), count),
				new Column("訂單計畫量完成率", 16, r -> r.figures().planRate(), percent),
				new Column("特殊捲菸訂貨量（條）", 18, r -> r.figures().specialCartons(), count),
				new Column("訪銷時間（分鐘）", 15, r -> r.figures().seconds() / 60.0, decimal),
				new Column("單客戶平均訪銷時間（秒）", 20, r -> r.figures().secondsPerRetailer(), decimal),
				new Column("客戶訂單平均完成時間（秒）", 22, r -> r.figures().averageOrderSeconds(), decimal)));
		Sheet sheet = workbook.createSheet(name);
		Row head = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			head.createCell(c).setCellValue(columns.get(c).header());
			head.getCell(c).setCellStyle(header);
			sheet.setColumnWidth(c, columns.get(c).width() * 2 * 256);
		}
		sheet.createFreezePane(0, 1);
		for (int i = 0; i < rows.size(); i++) {
			Row row = sheet.createRow(i + 1);
			for (int c = 0; c < columns.size(); c++) {
				Object value = columns.get(c).value().apply(rows.get(i));
				var cell = row.createCell(c);
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else if (value != null) {
					cell.setCellValue(value.toString());
				}
				cell.setCellStyle(columns.get(c).style());
			}
		}
	}

	private void definitions() {
		Sheet sheet = workbook.createSheet("指標定義");
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 90 * 256);
		int r = 0;
		for (String[] d : FiguresDefinitions.ALL) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(d[0]);
			row.getCell(0).setCellStyle(header);
			row.createCell(1).setCellValue(d[1]);
		}
	}
}
