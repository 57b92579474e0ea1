package com.wholesaler.marketing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MessageTest {

	private static Message contract(int n) {
		return new Message("【新任務】擬制購銷合同 · HT-2026-%04d".formatted(n), "購銷合同：擬制購銷合同 等待處理，請於 2026-12-10 17:00 前完成。",
				"/camunda/app/tasklist/default/#/?task=" + n);
	}

	@Test
	void oneNoticeOrTheSameOneTwiceStaysAsItWas() {
		assertThat(Message.together(List.of(contract(1), contract(1)))).isEqualTo(contract(1));
	}

	@Test
	void manyNoticesListAsManyAsTheBodyHoldsAndSayHowManyMore() {
		List<Message> sixty = IntStream.rangeClosed(1, 60).mapToObj(MessageTest::contract).toList();
		Message together = Message.together(sixty);

		assertThat(together.subject()).isEqualTo("【新任務】擬制購銷合同 · HT-2026-0001 等 60 項");
		assertThat(together.link()).isEqualTo(Message.SEVERAL_LINK);
		assertThat(together.body()).hasSizeLessThanOrEqualTo(Message.BODY_LIMIT);
		List<String> lines = together.body().lines().toList();
		long listed = lines.stream().filter(l -> l.startsWith("・【新任務】")).count();
		assertThat(listed).isBetween(10L, 59L);
		assertThat(lines.get(lines.size() - 1)).isEqualTo("…另有 %d 項，請在任務列表中查看".formatted(60 - listed));
	}

	@Test
	void noticesWithOneLinkKeepIt() {
		Message a = new Message("【退回修改】購進計畫 PP-2026-12-001", "請補充", "/camunda/app/tasklist/default/");
		Message b = new Message("【退回修改】購銷合同 HT-2026-0001", "價格有誤", "/camunda/app/tasklist/default/");
		Message together = Message.together(List.of(a, b));
		assertThat(together.link()).isEqualTo("/camunda/app/tasklist/default/");
		assertThat(together.body()).isEqualTo("・【退回修改】購進計畫 PP-2026-12-001：請補充\n・【退回修改】購銷合同 HT-2026-0001：價格有誤");
	}
}
