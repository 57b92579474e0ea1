package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.wholesaler.marketing.IntegrationTest;

/** The plan service on the real database: numbering, proposal, line edits and CSV. */
@IntegrationTest
class PurchasePlansTest {

	@Autowired
	PurchasePlans plans;

	@Autowired
	TransactionTemplate transaction;

	private String plan;

	@BeforeEach
	void aProposedPlan() {
		plan = transaction.execute(s -> {
			String number = plans.create(YearMonth.now().plusMonths(2), "測試", "supply");
			plans.proposeQuantities(number);
			return number;
		});
	}

	@Test
	void numbersCountUpWithinTheMonth() {
		String next = transaction.execute(s -> plans.create(YearMonth.now().plusMonths(2), null, "supply"));
		int a = Integer.parseInt(plan.substring(plan.lastIndexOf('-') + 1));
		int b = Integer.parseInt(next.substring(next.lastIndexOf('-') + 1));
		assertThat(b).isEqualTo(a + 1);
		assertThat(next).startsWith("PP-" + YearMonth.now().plusMonths(2).getYear());
	}

	@Test
	void theProposalCoversOnlyProductsThatNeedBuyingInWholeCases() {
		List<PlanLine> lines = plans.lines(plan);
		assertThat(lines).isNotEmpty().allSatisfy(l -> {
			assertThat(l.suggestedCartons() % PlanLine.CARTONS_PER_CASE).isZero();
			assertThat(l.suggestedCartons()).isPositive();
			assertThat(l.plannedCartons()).isEqualTo(l.suggestedCartons());
		});
		long weekly = plans.cartonsPerWeek(plan).values().stream().mapToLong(Long::longValue).sum();
		assertThat(weekly).as("the batch schedule delivers the whole plan").isEqualTo(plans.totals(plan).cartons());
	}

	@Test
	void aPlannedQuantityCanBeChangedAndTheBatchesFollow() {
		PlanLine first = plans.lines(plan).get(0);
		plans.changePlanned(plan, first.productCode(), first.plannedCartons() + 500, "supply");
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(first.plannedCartons() + 500);
		assertThat(PlanLine.biggestChanges(plans.lines(plan), 1).get(0).change()).isEqualTo(500);
		long weekly = plans.cartonsPerWeek(plan).values().stream().mapToLong(Long::longValue).sum();
		assertThat(weekly).isEqualTo(plans.totals(plan).cartons());
	}

	@Test
	void badLineEditsAreRefusedInChinese() {
		PlanLine first = plans.lines(plan).get(0);
		assertThatThrownBy(() -> plans.changePlanned(plan, first.productCode(), -50, "supply"))
				.hasMessageContaining("不小於零的整數");
		assertThatThrownBy(() -> plans.changePlanned(plan, "P9999", 50, "supply")).hasMessageContaining("找不到捲菸規格");
		assertThatThrownBy(() -> plans.changePlanned(plan, first.productCode(), 50, "genadmin"))
				.hasMessageContaining("只有起草人");
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(first.plannedCartons());
	}

	@Test
	void anEditFromAPageShownBeforeTheSubmissionIsRefusedNotAppliedAfterIt() {
		PlanLine first = plans.lines(plan).get(0);
		int shown = plans.plan(plan).version();
		plans.submit(plan, "supply", "送審");
		assertThatThrownBy(() -> plans.changePlanned(plan, Map.of(first.productCode(), "9999"), "supply", shown))
				.hasMessageContaining("不能再修改");
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(first.plannedCartons());
	}

	@Test
	void anEditFromAPageShownBeforeAnotherEditIsRefused() {
		PlanLine first = plans.lines(plan).get(0);
		int shown = plans.plan(plan).version();
		plans.changePlanned(plan, Map.of(first.productCode(), "100"), "supply", shown);
		assertThatThrownBy(() -> plans.changePlanned(plan, Map.of(first.productCode(), "200"), "supply", shown))
				.hasMessageContaining("重新整理頁面");
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(100);
	}

	@Test
	void aCsvRoundTripChangesThePlannedQuantities() {
		String csv = plans.exportCsv(plan);
		assertThat(csv).startsWith(PurchasePlans.CSV_HEADER);
		PlanLine first = plans.lines(plan).get(0);
		String edited = csv.replaceFirst("(?m)^(" + first.productCode() + ",[^,]*,[^,]*,\\d+,)\\d+", "$1" + 1000);
		int rows = plans.importCsv(plan, new StringReader(edited), "supply", null);
		assertThat(rows).isEqualTo(plans.lines(plan).size());
		assertThat(plans.lines(plan).get(0).plannedCartons()).isEqualTo(1000);
	}

	@Test
	void aCsvWithOneBadRowChangesNothingAndNamesTheRows() {
		String csv = PurchasePlans.CSV_HEADER + "\n"
				+ plans.lines(plan).get(0).productCode() + ",x,M01,0,700,1.00\n"
				+ "P9999,x,M01,0,100,1.00\n"
				+ plans.lines(plan).get(1).productCode() + ",x,M01,0,abc,1.00\n";
		List<PlanLine> before = plans.lines(plan);
		assertThatThrownBy(() -> plans.importCsv(plan, new StringReader(csv), "supply", null))
				.hasMessageContaining("2 處錯誤").hasMessageContaining("第 3 行").hasMessageContaining("abc");
		assertThat(plans.lines(plan)).isEqualTo(before);
	}
}
