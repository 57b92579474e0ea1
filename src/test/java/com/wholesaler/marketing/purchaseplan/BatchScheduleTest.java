package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BatchScheduleTest {

	@Test
	void theDeliveryWeeksAreTheMondaysOfTheMonth() {
		assertThat(BatchSchedule.deliveryWeeks(YearMonth.of(2026, 12))).containsExactly(
				LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28));
		assertThat(BatchSchedule.deliveryWeeks(YearMonth.of(2027, 3))).hasSize(5);
	}

	@Test
	void splitsWholeCasesEvenlyAndTheRemainderGoesFirst() {
		List<LocalDate> weeks = BatchSchedule.deliveryWeeks(YearMonth.of(2026, 12));
		Map<LocalDate, Integer> split = BatchSchedule.split(550, weeks); // 11 cases over 4 weeks
		assertThat(split.values()).containsExactly(150, 150, 150, 100);
		assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(550);
	}

	@Test
	void looseCartonsArriveInTheFirstWeekAndEmptyWeeksAreLeftOut() {
		List<LocalDate> weeks = BatchSchedule.deliveryWeeks(YearMonth.of(2026, 12));
		Map<LocalDate, Integer> split = BatchSchedule.split(120, weeks); // 2 cases and 20 cartons
		assertThat(split).containsExactly(Map.entry(weeks.get(0), 70), Map.entry(weeks.get(1), 50));
		assertThat(BatchSchedule.split(0, weeks)).isEmpty();
	}
}
