package com.wholesaler.marketing.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A realistic city company made from a fixed seed, so every start and every test sees the same
 * retailers, products, prices, stock and sales (the sales dates end the day before {@code today}).
 * The sales are each product's cartons per day; the demo's order history (ordering) then makes them
 * up from the retailers' phone orders of that day, so that sales and orders agree.
 */
public final class DemoCompany {

	public static final long SEED = 20_261_130L;
	public static final int RETAILERS = 30_000;
	public static final int PRODUCTS = 400;
	/** The recent sales, which the demo's phone orders make up. */
	public static final int SALES_DAYS = 90;
	/** All the sales and arrivals: 13 weeks and the same 13 weeks a year before, for last year's figures. */
	public static final int HISTORY_DAYS = 460;

	static final List<Region> REGIONS = List.of(
			new Region("R01", "城東區域市場部"), new Region("R02", "城西區域市場部"),
			new Region("R03", "城南區域市場部"), new Region("R04", "城北區域市場部"),
			new Region("R05", "高新區域市場部"), new Region("R06", "東江縣市場部"),
			new Region("R07", "西山縣市場部"), new Region("R08", "南湖縣市場部"));

	/** name, province, then each brand it makes with its usual retail price per carton ("brand:yuan"). */
	private static final String[][] MANUFACTURERS = {
			{"上海煙草集團有限責任公司", "上海", "中華:450", "熊貓:800", "紅雙喜(滬):100"},
			{"紅塔煙草(集團)有限責任公司", "雲南", "玉溪:230", "紅塔山:100"},
			{"紅雲紅河煙草(集團)有限責任公司", "雲南", "雲煙:200", "紅河:70"},
			{"湖北中煙工業有限責任公司", "湖北", "黃鶴樓:300", "紅金龍:90"},
			{"湖南中煙工業有限責任公司", "湖南", "芙蓉王:250", "白沙:110"},
			{"浙江中煙工業有限責任公司", "浙江", "利群:160", "大紅鷹:130"},
			{"江蘇中煙工業有限責任公司", "江蘇", "南京:160", "蘇煙:350"},
			{"廣東中煙工業有限責任公司", "廣東", "雙喜:80", "五葉神:100"},
			{"廣西中煙工業有限責任公司", "廣西", "真龍:150"},
			{"四川中煙工業有限責任公司", "四川", "嬌子:130", "寬窄:200"},
			{"安徽中煙工業有限責任公司", "安徽", "黃山:150", "都寶:50"},
			{"山東中煙工業有限責任公司", "山東", "泰山:130", "將軍:70"},
			{"福建中煙工業有限責任公司", "福建", "七匹狼:130", "古田:90"},
			{"貴州中煙工業有限責任公司", "貴州", "貴煙:260"},
			{"河北中煙工業有限責任公司", "河北", "鑽石:80", "荷花:350"},
			{"吉林煙草工業有限責任公司", "吉林", "長白山:110"},
			{"陝西中煙工業有限責任公司", "陝西", "好貓:120", "延安:60"},
			{"河南中煙工業有限責任公司", "河南", "黃金葉:130"},
			{"江西中煙工業有限責任公司", "江西", "金聖:200"},
			{"重慶中煙工業有限責任公司", "重慶", "天子:300"},
			{"北京卷煙廠", "北京", "中南海:100"},
			{"天津卷煙廠", "天津", "恒大:40"},
			{"內蒙古昆明卷煙有限責任公司", "內蒙古", "昆侖:60"},
			{"黑龍江煙草工業有限責任公司", "黑龍江", "哈爾濱:45"},
			{"遼寧中煙工業有限責任公司", "遼寧", "紅三環:30"},
			{"山西昆明煙草有限責任公司", "山西", "鍾樓:35"},
			{"甘肅煙草工業有限責任公司", "甘肅", "蘭州:200"},
			{"新疆捲菸廠", "新疆", "雪蓮:22"},
			{"寧夏捲菸廠", "寧夏", "沙湖:30"},
			{"海南紅塔捲菸有限責任公司", "海南", "椰樹:60"}};

	private static final String[] VARIANTS = {"(硬)", "(軟)", "(細支)", "(中支)", "(精品)", "(硬金)", "(軟藍)",
			"(新版)", "(紅)", "(金細支)", "(爆珠)", "(硬珍品)", "(軟珍品)", "(經典)", "(典藏)", "(硬紅)"};

	/** The retail prices per carton, in yuan, that products are set at (a tenth is the pack price). */
	private static final int[] CARTON_PRICES = {22, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140,
			150, 160, 180, 200, 230, 250, 260, 300, 350, 400, 450, 500, 600, 800, 1000};

	private static final String[] SHOP_PREFIXES = {"順發", "萬家", "便民", "興隆", "金鑫", "福源", "好又多", "吉祥", "鴻運", "新世紀",
			"陽光", "百佳", "和美", "永輝", "惠民", "友誼", "平安", "民生", "長青", "聚福", "天天", "喜來", "佳佳", "華聯"};
	private static final String[] SHOP_TYPES = {"便利店", "超市", "煙酒店", "食雜店", "副食店", "商行", "小賣部"};

	private final Random random = new Random(SEED);
	private final LocalDate today;

	private final List<Manufacturer> manufacturers = new ArrayList<>();
	private final List<Product> products = new ArrayList<>();
	private final List<Retailer> retailers = new ArrayList<>();
	private final List<StockRow> stock = new ArrayList<>();
	private final List<SalesRow> sales = new ArrayList<>();
	private final List<ArrivalRow> arrivals = new ArrayList<>();

	record StockRow(String productCode, int onHand, int inTransit, int warningDays) {
	}

	record SalesRow(String productCode, LocalDate date, int cartons) {
	}

	record ArrivalRow(String productCode, LocalDate date, int cartons) {
	}

	public DemoCompany(LocalDate today) {
		this.today = today;
		makeManufacturersAndProducts();
		makeRetailers();
		makeStockAndSales();
	}

	private void makeManufacturersAndProducts() {
		List<String[]> brands = new ArrayList<>();
		for (int m = 0; m < MANUFACTURERS.length; m++) {
			String[] row = MANUFACTURERS[m];
			String code = "M%02d".formatted(m + 1);
			char serviceClass = m < 8 ? 'A' : m < 20 ? 'B' : 'C';
			manufacturers.add(new Manufacturer(code, row[0], row[1], serviceClass));
			for (int b = 2; b < row.length; b++) {
				String[] brand = row[b].split(":");
				brands.add(new String[] {brand[0], code, String.valueOf(serviceClass), brand[1]});
			}
		}
		// Every brand has at least one product; class-A houses get more, as in a real assortment.
		int[] variantsUsed = new int[brands.size()];
		for (int b = 0; b < brands.size(); b++) {
			addProduct(brands.get(b), variantsUsed[b]++);
		}
		while (products.size() < PRODUCTS) {
			int b = random.nextInt(brands.size());
			boolean bigHouse = brands.get(b)[2].equals("A");
			if ((!bigHouse && random.nextInt(3) == 0) || variantsUsed[b] >= VARIANTS.length) {
				continue;
			}
			addProduct(brands.get(b), variantsUsed[b]++);
		}
	}

	private void addProduct(String[] brand, int variant) {
		// A brand's variants sit around its usual price: up to two price steps cheaper or dearer.
		int usual = Arrays.binarySearch(CARTON_PRICES, Integer.parseInt(brand[3]));
		int step = Math.max(0, Math.min(CARTON_PRICES.length - 1, usual + random.nextInt(5) - 2));
		BigDecimal retail = BigDecimal.valueOf(CARTON_PRICES[step]).setScale(2);
		// Retailers earn about 11-13 %; the wholesale price per carton ends in whole yuan.
		BigDecimal wholesale = retail.divide(new BigDecimal("1.12"), 0, RoundingMode.HALF_UP).setScale(2);
		// The allocation price excludes 13 % VAT and our margin of about 20 %.
		BigDecimal allocation = wholesale.divide(new BigDecimal("1.36"), 2, RoundingMode.HALF_UP);
		ProductStatus status = random.nextInt(40) == 0 ? ProductStatus.DISCONTINUED : ProductStatus.ACTIVE;
		String code = "P%04d".formatted(products.size() + 1);
		products.add(new Product(code, brand[0] + VARIANTS[variant], brand[0], brand[1], allocation, wholesale, retail, status));
	}

	private void makeRetailers() {
		for (int i = 1; i <= RETAILERS; i++) {
			Region region = REGIONS.get(weighted(new int[] {16, 15, 14, 14, 11, 11, 10, 9}));
			boolean county = region.code().compareTo("R06") >= 0;
			MarketType marketType = county
					? (random.nextInt(10) < 6 ? MarketType.RURAL : MarketType.TOWN)
					: (random.nextInt(10) < 9 ? MarketType.URBAN : MarketType.TOWN);
			// Tiers bunch in the middle: most shops are ordinary; few are the biggest or the smallest.
			int tier;
			do {
				tier = (int) Math.round(13 + random.nextGaussian() * 6);
			}
			while (tier < Retailer.LOWEST_TIER || tier > Retailer.HIGHEST_TIER);
			String name = SHOP_PREFIXES[random.nextInt(SHOP_PREFIXES.length)]
					+ SHOP_TYPES[random.nextInt(SHOP_TYPES.length)] + "(" + (i % 97 + 1) + "號)";
			String status = random.nextInt(100) == 0 ? "SUSPENDED" : "ACTIVE";
			retailers.add(new Retailer("R%06d".formatted(i), name, region.code(), marketType, tier, status));
		}
	}

	private void makeStockAndSales() {
		double[] bases = new double[products.size()];
		int[][] sold = new int[products.size()][HISTORY_DAYS + 1];
		for (int p = 0; p < products.size(); p++) {
			Product product = products.get(p);
			// Cheaper cigarettes sell more cartons a day; the dearest a few.
			double base = 600 / Math.sqrt(product.retailPrice().doubleValue()) * (0.3 + random.nextDouble() * 1.4);
			if (!product.isActive()) {
				base = 0;
			}
			bases[p] = base;
			int soldLast28 = 0;
			for (int d = SALES_DAYS; d >= 1; d--) {
				LocalDate date = today.minusDays(d);
				// Retailers order by phone on their weekday, Monday to Friday: a week's sales fall on five days.
				double weekly = switch (date.getDayOfWeek()) {
					case SATURDAY, SUNDAY -> 0;
					case FRIDAY -> 1.6;
					default -> 1.35;
				};
				int cartons = (int) Math.max(0, Math.round(base * weekly * (0.8 + random.nextDouble() * 0.4)));
				sales.add(new SalesRow(product.code(), date, cartons));
				sold[p][d] = cartons;
				if (d <= Catalog.SALES_WINDOW_DAYS) {
					soldLast28 += cartons;
				}
			}
			double daily = soldLast28 / (double) Catalog.SALES_WINDOW_DAYS;
			// Most products are covered for 1-4 weeks; about one in twelve is short.
			double coverDays = random.nextInt(12) == 0 ? 1 + random.nextDouble() * 5 : 8 + random.nextDouble() * 22;
			int onHand = (int) Math.round(daily * coverDays);
			int inTransit = random.nextInt(3) == 0 ? 0 : (int) Math.round(daily * random.nextInt(10));
			stock.add(new StockRow(product.code(), onHand, inTransit, 7));
		}
		makeEarlierSalesAndArrivals(bases, sold);
	}

	/**
	 * The year before the recent sales, and every arrival. A second random stream, so that the recent
	 * sales and today's stock stay what they were before this history existed. The arrivals are found
	 * walking back from today's stock: whenever the stock a day began with would exceed about 25 days
	 * of sales, a delivery that day brought it there from 4-10 days' cover, as replenishment does.
	 */
	private void makeEarlierSalesAndArrivals(double[] bases, int[][] sold) {
		Random history = new Random(SEED + 1);
		for (int p = 0; p < products.size(); p++) {
			Product product = products.get(p);
			// Over the year each product grew or shrank by up to 15 %.
			double lastYear = 0.85 + history.nextDouble() * 0.3;
			for (int d = SALES_DAYS + 1; d <= HISTORY_DAYS; d++) {
				LocalDate date = today.minusDays(d);
				double trend = 1 - (1 - lastYear) * (d - SALES_DAYS) / 365.0;
				int cartons = (int) Math.max(0, Math.round(bases[p] * trend * weekdayShare(date) * (0.8 + history.nextDouble() * 0.4)));
				sales.add(new SalesRow(product.code(), date, cartons));
				sold[p][d] = cartons;
			}
			int endOfDay = stock.get(p).onHand();
			double daily = Math.max(1, bases[p]);
			for (int d = 1; d <= HISTORY_DAYS; d++) {
				LocalDate date = today.minusDays(d);
				int startOfDay = endOfDay + sold[p][d];
				if (weekdayShare(date) > 0 && startOfDay > daily * 25) {
					int arrived = Math.min(startOfDay, startOfDay - (int) Math.round(daily * (4 + history.nextDouble() * 6)));
					if (arrived > 0) {
						arrivals.add(new ArrivalRow(product.code(), date, arrived));
						startOfDay -= arrived;
					}
				}
				endOfDay = startOfDay;
			}
		}
	}

	private static double weekdayShare(LocalDate date) {
		return switch (date.getDayOfWeek()) {
			case SATURDAY, SUNDAY -> 0;
			case FRIDAY -> 1.6;
			default -> 1.35;
		};
	}

	private int weighted(int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int pick = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			pick -= weights[i];
			if (pick < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	public List<Region> regions() {
		return REGIONS;
	}

	public List<Manufacturer> manufacturers() {
		return manufacturers;
	}

	public List<Product> products() {
		return products;
	}

	public List<Retailer> retailers() {
		return retailers;
	}

	List<StockRow> stock() {
		return stock;
	}

	List<SalesRow> sales() {
		return sales;
	}

	List<ArrivalRow> arrivals() {
		return arrivals;
	}
}
