package com.wholesaler.marketing.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.identity.Role;

/**
 * 基礎資料匯入: regions, manufacturers, products and retailers from one Excel workbook (sheets 地區, 工業企業,
 * 捲菸規格, 零售客戶, each with the header row of the template), so that a company starting without demo
 * data can load its own. New rows are added and existing ones updated, except what has its own process:
 * a manufacturer's class (分類調整) and a product's prices (調價). Every row of every sheet is checked
 * first; one bad row and nothing is imported, with the rows named.
 */
@Service
public class MasterDataWorkbook {

	static final String REGIONS = "地區";
	static final String MANUFACTURERS = "工業企業";
	static final String PRODUCTS = "捲菸規格";
	static final String RETAILERS = "零售客戶";
	static final List<String> REGION_HEADER = List.of("代碼", "名稱");
	static final List<String> MANUFACTURER_HEADER = List.of("代碼", "名稱", "省份", "服務分類");
	static final List<String> PRODUCT_HEADER = List.of("代碼", "名稱", "品牌", "工業企業代碼", "調撥價", "批發價", "零售價", "狀態");
	static final List<String> RETAILER_HEADER = List.of("代碼", "名稱", "地區代碼", "市場類型", "檔位", "狀態");

	public record Imported(int regions, int manufacturers, int products, int retailers) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	MasterDataWorkbook(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	/** The template: the four sheets with their header rows. */
	public byte[] template() {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			for (Map.Entry<String, List<String>> s : Map.of(REGIONS, REGION_HEADER, MANUFACTURERS, MANUFACTURER_HEADER, PRODUCTS, PRODUCT_HEADER,
					RETAILERS, RETAILER_HEADER).entrySet()) {
				Row head = book.createSheet(s.getKey()).createRow(0);
				for (int c = 0; c < s.getValue().size(); c++) {
					head.createCell(c).setCellValue(s.getValue().get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Transactional
	public Imported load(InputStream file, Set<String> groups) {
		if (!groups.contains(Role.GENERAL_ADMIN.groupId())) {
			throw new BusinessRuleException("基礎資料由綜合管理員匯入 (only the general administrator imports master data)");
		}
		List<String[]> regions;
		List<String[]> manufacturers;
		List<String[]> products;
		List<String[]> retailers;
		List<String> errors = new ArrayList<>();
		try (Workbook book = WorkbookFactory.create(file)) {
			regions = rows(book, REGIONS, REGION_HEADER, errors);
			manufacturers = rows(book, MANUFACTURERS, MANUFACTURER_HEADER, errors);
			products = rows(book, PRODUCTS, PRODUCT_HEADER, errors);
			retailers = rows(book, RETAILERS, RETAILER_HEADER, errors);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof BusinessRuleException refused) {
				throw refused;
			}
			throw new BusinessRuleException("無法讀取這個檔案，請用下載的範本 (.xlsx) (not a workbook)");
		}
		Set<String> regionCodes = new java.util.HashSet<>(jdbc.sql("SELECT code FROM region").query(String.class).list());
		Map<String, String> classes = new HashMap<>();
		jdbc.sql("SELECT code, service_class FROM manufacturer").query(rs -> {
			classes.put(rs.getString("code"), rs.getString("service_class"));
		});
		Map<String, BigDecimal[]> prices = new HashMap<>();
		jdbc.sql("SELECT code, allocation_price, wholesale_price, retail_price FROM product").query(rs -> {
			prices.put(rs.getString("code"), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
		});
		for (String[] r : regions) {
			check(r, "[A-Z0-9]{1,8}", 0, "代碼應為 1 至 8 位大寫字母或數字", errors);
			check(r, ".{1,100}", 1, "名稱應為 1 至 100 字", errors);
			regionCodes.add(r[0]);
		}
		for (String[] m : manufacturers) {
			check(m, "[A-Z0-9]{1,16}", 0, "代碼應為 1 至 16 位大寫字母或數字", errors);
			check(m, ".{1,100}", 1, "名稱應為 1 至 100 字", errors);
			check(m, ".{1,20}", 2, "省份應為 1 至 20 字", errors);
			check(m, "[ABC]", 3, "服務分類應為 A、B 或 C", errors);
			if (classes.containsKey(m[0]) && !classes.get(m[0]).equals(m[3])) {
				errors.add("%s：%s 現為 %s 類，分類只能經分類調整流程修改".formatted(m[m.length - 1], m[0], classes.get(m[0])));
			}
			classes.putIfAbsent(m[0], m[3]);
		}
		for (String[] p : products) {
			check(p, "[A-Z0-9]{1,16}", 0, "代碼應為 1 至 16 位大寫字母或數字", errors);
			check(p, ".{1,100}", 1, "名稱應為 1 至 100 字", errors);
			check(p, ".{1,50}", 2, "品牌應為 1 至 50 字", errors);
			if (!classes.containsKey(p[3])) {
				errors.add("%s：工業企業 %s 不存在".formatted(p[p.length - 1], p[3]));
			}
			check(p, "ACTIVE|DISCONTINUED", 7, "狀態應為 ACTIVE 或 DISCONTINUED", errors);
			BigDecimal[] given = new BigDecimal[3];
			for (int i = 0; i < 3; i++) {
				try {
					given[i] = new BigDecimal(p[4 + i]).setScale(2, java.math.RoundingMode.HALF_UP);
					if (given[i].signum() <= 0) {
						throw new NumberFormatException();
					}
				}
				catch (NumberFormatException e) {
					errors.add("%s：%s應為大於 0 的數".formatted(p[p.length - 1], PRODUCT_HEADER.get(4 + i)));
				}
			}
			BigDecimal[] current = prices.get(p[0]);
			if (current != null && given[0] != null && given[1] != null && given[2] != null
					&& (current[0].compareTo(given[0]) != 0 || current[1].compareTo(given[1]) != 0 || current[2].compareTo(given[2]) != 0)) {
				errors.add("%s：%s 的價格只能經調價流程修改".formatted(p[p.length - 1], p[0]));
			}
		}
		for (String[] r : retailers) {
			check(r, "[A-Z0-9]{1,16}", 0, "代碼應為 1 至 16 位大寫字母或數字", errors);
			check(r, ".{1,100}", 1, "名稱應為 1 至 100 字", errors);
			if (!regionCodes.contains(r[2])) {
				errors.add("%s：地區 %s 不存在".formatted(r[r.length - 1], r[2]));
			}
			check(r, "URBAN|TOWN|RURAL", 3, "市場類型應為 URBAN、TOWN 或 RURAL", errors);
			check(r, "[1-9]|[12][0-9]|30", 4, "檔位應為 1 至 30", errors);
			check(r, "ACTIVE|SUSPENDED", 5, "狀態應為 ACTIVE 或 SUSPENDED", errors);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleException("有 %d 處錯誤，未匯入任何資料：%s".formatted(errors.size(), String.join("；", errors.subList(0, Math.min(30, errors.size())))));
		}
		write(regions, manufacturers, products, retailers, prices.keySet());
		return new Imported(regions.size(), manufacturers.size(), products.size(), retailers.size());
	}

	private void write(List<String[]> regions, List<String[]> manufacturers, List<String[]> products, List<String[]> retailers, Set<String> known) {
		for (String[] r : regions) {
			if (jdbc.sql("UPDATE region SET name = :n WHERE code = :c").param("n", r[1]).param("c", r[0]).update() == 0) {
				jdbc.sql("INSERT INTO region (code, name) VALUES (:c, :n)").param("c", r[0]).param("n", r[1]).update();
			}
		}
		for (String[] m : manufacturers) {
			if (jdbc.sql("UPDATE manufacturer SET name = :n, province = :p WHERE code = :c").param("n", m[1]).param("p", m[2]).param("c", m[0]).update() == 0) {
				jdbc.sql("INSERT INTO manufacturer (code, name, province, service_class) VALUES (:c, :n, :p, :k)").param("c", m[0]).param("n", m[1])
						.param("p", m[2]).param("k", m[3]).update();
			}
		}
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		for (String[] p : products) {
			if (known.contains(p[0])) {
				updates.add(new Object[] {p[1], p[2], p[3], p[7], p[0]});
			}
			else {
				inserts.add(new Object[] {p[0], p[1], p[2], p[3], new BigDecimal(p[4]), new BigDecimal(p[5]), new BigDecimal(p[6]), p[7]});
			}
		}
		batch.batchUpdate("UPDATE product SET name = ?, brand = ?, manufacturer_code = ?, status = ? WHERE code = ?", updates);
		batch.batchUpdate("""
				INSERT INTO product (code, name, brand, manufacturer_code, allocation_price, wholesale_price, retail_price, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
		LocalDate today = LocalDate.now(clock);
		batch.batchUpdate("INSERT INTO product_price (product_code, allocation_price, wholesale_price, retail_price, valid_from) VALUES (?, ?, ?, ?, ?)",
				inserts.stream().map(i -> new Object[] {i[0], i[4], i[5], i[6], java.sql.Date.valueOf(today)}).toList());
		batch.batchUpdate("INSERT INTO stock (product_code, on_hand, in_transit, warning_days) VALUES (?, 0, 0, 7)",
				inserts.stream().map(i -> new Object[] {i[0]}).toList());
		Set<String> knownRetailers = new java.util.HashSet<>(jdbc.sql("SELECT code FROM retailer").query(String.class).list());
		batch.batchUpdate("UPDATE retailer SET name = ?, region_code = ?, market_type = ?, tier = ?, status = ? WHERE code = ?",
				retailers.stream().filter(r -> knownRetailers.contains(r[0]))
						.map(r -> new Object[] {r[1], r[2], r[3], Integer.parseInt(r[4]), r[5], r[0]}).toList());
		batch.batchUpdate("INSERT INTO retailer (code, name, region_code, market_type, tier, status) VALUES (?, ?, ?, ?, ?, ?)",
				retailers.stream().filter(r -> !knownRetailers.contains(r[0]))
						.map(r -> new Object[] {r[0], r[1], r[2], r[3], Integer.parseInt(r[4]), r[5]}).toList());
	}

	/** A sheet's rows as text cells, each row ending with where it is ("工業企業 第 3 行"); absent sheets are empty. */
	private static List<String[]> rows(Workbook book, String name, List<String> header, List<String> errors) {
		Sheet sheet = book.getSheet(name);
		List<String[]> rows = new ArrayList<>();
		if (sheet == null) {
			return rows;
		}
		DataFormatter text = new DataFormatter();
		Row head = sheet.getRow(0);
		for (int c = 0; c < header.size(); c++) {
			String h = head == null ? "" : text.formatCellValue(head.getCell(c)).strip();
			if (!h.equals(header.get(c))) {
				errors.add("%s 第 1 行第 %d 欄應為「%s」".formatted(name, c + 1, header.get(c)));
				return rows;
			}
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			String[] cells = new String[header.size() + 1];
			boolean blank = true;
			for (int c = 0; c < header.size(); c++) {
				cells[c] = row == null ? "" : text.formatCellValue(row.getCell(c)).strip();
				blank &= cells[c].isEmpty();
			}
			if (blank) {
				continue;
			}
			cells[0] = cells[0].toUpperCase();
			cells[header.size()] = "%s 第 %d 行".formatted(name, r + 1);
			if (seen.put(cells[0], r + 1) != null) {
				errors.add("%s：代碼 %s 重複".formatted(cells[header.size()], cells[0]));
			}
			rows.add(cells);
		}
		return rows;
	}

	private static void check(String[] row, String pattern, int column, String message, List<String> errors) {
		if (!row[column].matches(pattern)) {
			errors.add("%s：%s".formatted(row[row.length - 1], message));
		}
	}
}
