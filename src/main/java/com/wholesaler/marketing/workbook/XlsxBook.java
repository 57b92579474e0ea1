package com.wholesaler.marketing.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook of tables (opens in Excel and WPS): per sheet a bold header row that stays frozen,
 * column widths that fit Chinese headers, and numbers kept as numbers in their format.
 */
public final class XlsxBook {

	public enum Format {
		TEXT("@"), COUNT("#,##0"), DECIMAL("#,##0.0"), PERCENT("0.0%"), MONEY("#,##0.00");

		private final String pattern;

		Format(String pattern) {
			this.pattern = pattern;
		}
	}

	/** A column: its header, its width in Chinese characters, how a row gives its value, and the value's format. */
	public record Column<T>(String header, int width, Function<T, Object> value, Format format) {
	}

	/** Streaming: rows go to a temporary file as they are written, so a sheet of 30,000 retailers stays quick and small. */
	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
	private final CellStyle header;
	private final Map<Format, CellStyle> styles = new EnumMap<>(Format.class);

	public XlsxBook() {
		DataFormat format = workbook.createDataFormat();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		for (Format f : Format.values()) {
			CellStyle style = workbook.createCellStyle();
			if (f != Format.TEXT) {
				style.setDataFormat(format.getFormat(f.pattern));
			}
			styles.put(f, style);
		}
	}

	public <T> XlsxBook sheet(String name, List<Column<T>> columns, List<T> rows) {
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
				Cell cell = row.createCell(c);
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else if (value != null) {
					cell.setCellValue(value.toString());
				}
				cell.setCellStyle(styles.get(columns.get(c).format()));
			}
		}
		return this;
	}

	/** A sheet of terms and what they mean, the terms in bold. */
	public XlsxBook definitions(String name, List<String[]> terms) {
		Sheet sheet = workbook.createSheet(name);
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 90 * 256);
		int r = 0;
		for (String[] d : terms) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(d[0]);
			row.getCell(0).setCellStyle(header);
			row.createCell(1).setCellValue(d[1]);
		}
		return this;
	}

	public byte[] bytes() {
		try (SXSSFWorkbook book = workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			workbook.dispose();
		}
	}
}
