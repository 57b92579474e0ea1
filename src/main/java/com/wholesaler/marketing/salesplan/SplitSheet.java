package com.wholesaler.marketing.salesplan;

import static com.wholesaler.marketing.workbook.XlsxBook.Format.COUNT;
import static com.wholesaler.marketing.workbook.XlsxBook.Format.TEXT;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.workbook.XlsxBook;
import com.wholesaler.marketing.workbook.XlsxBook.Column;

/**
 * The split as a spreadsheet (分解表): a row per product, a column per sales unit. Written for the
 * general administrator to work on in Excel or WPS, and read back: the header must name the units in
 * their order, each row a product of the plan whose units are whole cartons adding up to its planned
 * quantity; one bad row refuses the whole file.
 */
final class SplitSheet {

	static final String SHEET = "分解";
	private static final int FIRST_UNIT = 3;

	private SplitSheet() {
	}

	static byte[] write(List<SalesPlanLine> lines, List<SalesPlans.Unit> units, Map<String, Map<String, Integer>> split) {
		List<Column<SalesPlanLine>> columns = new ArrayList<>();
		columns.add(new Column<>("規格代碼", 5, SalesPlanLine::productCode, TEXT));
		columns.add(new Column<>("規格名稱", 12, SalesPlanLine::productName, TEXT));
		columns.add(new Column<>("計畫量（條）", 6, SalesPlanLine::planned, COUNT));
		for (SalesPlans.Unit u : units) {
			columns.add(new Column<>(u.name(), 8, l -> split.getOrDefault(l.productCode(), Map.of()).getOrDefault(u.code(), 0), COUNT));
		}
		return new XlsxBook().sheet(SHEET, columns, lines).bytes();
	}

	/** Each product's cartons per unit, as the file has them; refused whole with every bad row named. */
	static Map<String, Map<String, Integer>> read(InputStream file, Map<String, SalesPlanLine> lines, List<SalesPlans.Unit> units) {
		try (Workbook book = WorkbookFactory.create(file)) {
			Sheet sheet = book.getSheet(SHEET) != null ? book.getSheet(SHEET) : book.getSheetAt(0);
			DataFormatter text = new DataFormatter();
			Row head = sheet.getRow(0);
			for (int i = 0; i < units.size(); i++) {
				String header = head == null ? "" : text.formatCellValue(head.getCell(FIRST_UNIT + i)).strip();
				if (!header.equals(units.get(i).name())) {
					throw new BusinessRuleException("第 1 行第 %d 欄應為「%s」，請用從本頁下載的分解表 (header)".formatted(FIRST_UNIT + i + 1, units.get(i).name()));
				}
			}
			Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
			List<String> errors = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String code = row == null ? "" : text.formatCellValue(row.getCell(0)).strip().toUpperCase();
				if (code.isEmpty()) {
					continue;
				}
				SalesPlanLine line = lines.get(code);
				if (line == null) {
					errors.add("第 %d 行：規格 %s 不在本計畫中".formatted(r + 1, code));
					continue;
				}
				if (cells.containsKey(code)) {
					errors.add("第 %d 行：規格 %s 重複".formatted(r + 1, code));
					continue;
				}
				Map<String, Integer> units1 = new LinkedHashMap<>();
				long sum = 0;
				boolean bad = false;
				for (int i = 0; i < units.size(); i++) {
					Integer cartons = cartons(row.getCell(FIRST_UNIT + i), text);
					if (cartons == null) {
						errors.add("第 %d 行 %s 的「%s」應為不小於 0 的整數".formatted(r + 1, code, units.get(i).name()));
						bad = true;
						continue;
					}
					units1.put(units.get(i).code(), cartons);
					sum += cartons;
				}
				if (!bad && sum != line.planned()) {
					errors.add("第 %d 行 %s 各區域合計 %,d 條，不等於計畫量 %,d 條".formatted(r + 1, code, sum, line.planned()));
				}
				cells.put(code, units1);
			}
			if (!errors.isEmpty()) {
				throw new BusinessRuleException("分解表有 %d 處錯誤，未匯入任何一行：%s".formatted(errors.size(),
						String.join("；", errors.subList(0, Math.min(20, errors.size())))));
			}
			if (cells.isEmpty()) {
				throw new BusinessRuleException("分解表沒有任何規格 (empty file)");
			}
			return cells;
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof BusinessRuleException refused) {
				throw refused;
			}
			throw new BusinessRuleException("無法讀取這個檔案，請上傳從本頁下載的 .xlsx 分解表 (not a workbook)");
		}
	}

	private static Integer cartons(Cell cell, DataFormatter text) {
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return 0;
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			double value = cell.getNumericCellValue();
			return value >= 0 && value == Math.rint(value) && value < 1e9 ? (int) value : null;
		}
		String value = text.formatCellValue(cell).strip().replace(",", "");
		return value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
	}
}
