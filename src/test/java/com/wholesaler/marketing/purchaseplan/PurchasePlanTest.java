package com.wholesaler.marketing.purchaseplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import com.wholesaler.marketing.approval.ApprovalCore;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.approval.Decision;

class PurchasePlanTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 9, 0);

	private static PurchasePlan submitted() {
		PurchasePlan plan = PurchasePlan.draft("PP-2026-12-001", YearMonth.of(2026, 12), null, "supply", NOW);
		plan.submit("supply", 10, NOW);
		return plan;
	}

	@Test
	void approvalsWalkTheLevelsAndTheLastOneApproves() {
		PurchasePlan plan = submitted();
		for (PlanStep step : new PlanStep[] {PlanStep.CHECK, PlanStep.REVIEW_PLANNING_HEAD, PlanStep.REVIEW_DIRECTOR}) {
			assertThat(plan.awaits(step)).isTrue();
			plan.decide(new ApprovalCore.Verdict(step, Decision.APPROVE, null, "someone"), NOW);
			assertThat(plan.status()).isEqualTo(PlanStatus.IN_REVIEW);
			assertThat(plan.awaits(step)).as("the plan moved on").isFalse();
		}
		plan.decide(new ApprovalCore.Verdict(PlanStep.APPROVE_EXECUTIVE, Decision.APPROVE, null, "executive"), NOW);
		assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
		assertThat(plan.currentStep()).isNull();
		assertThatThrownBy(plan::requireEditable).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void aReturnGoesBackToTheDrafterAndARejectionCloses() {
		PurchasePlan returned = submitted();
		returned.decide(new ApprovalCore.Verdict(PlanStep.CHECK, Decision.RETURN, "數量偏大", "genadmin"), NOW);
		assertThat(returned.status()).isEqualTo(PlanStatus.DRAFTING);
		assertThat(returned.currentStep()).isEqualTo(PlanStep.DRAFT);
		assertThat(returned.awaits(PlanStep.CHECK)).isFalse();

		PurchasePlan rejected = submitted();
		rejected.decide(new ApprovalCore.Verdict(PlanStep.CHECK, Decision.APPROVE, null, "genadmin"), NOW);
		rejected.decide(new ApprovalCore.Verdict(PlanStep.REVIEW_PLANNING_HEAD, Decision.APPROVE, null, "brandhead"), NOW);
		rejected.decide(new ApprovalCore.Verdict(PlanStep.REVIEW_DIRECTOR, Decision.REJECT, "不採購", "director"), NOW);
		assertThat(rejected.status()).isEqualTo(PlanStatus.REJECTED);
		assertThat(rejected.closedAt()).isEqualTo(NOW);
	}

	@Test
	void onlyTheDirectorAndTheExecutiveMayReject() {
		assertThat(PlanStep.CHECK.decisions()).containsExactlyInAnyOrder(Decision.APPROVE, Decision.RETURN);
		assertThat(PlanStep.REVIEW_PLANNING_HEAD.decisions()).doesNotContain(Decision.REJECT);
		assertThat(PlanStep.REVIEW_DIRECTOR.decisions()).contains(Decision.REJECT);
		assertThat(PlanStep.APPROVE_EXECUTIVE.decisions()).contains(Decision.REJECT);
		assertThat(PlanStep.DRAFT.decisions()).isEmpty();
	}

	@Test
	void aPlanWithoutLinesCannotBeSubmittedAndOnlyItsDrafterSubmits() {
		PurchasePlan plan = PurchasePlan.draft("PP-2026-12-002", YearMonth.of(2026, 12), null, "supply", NOW);
		assertThatThrownBy(() -> plan.submit("supply", 0, NOW)).hasMessageContaining("不能提交");
		assertThatThrownBy(() -> plan.submit("other", 3, NOW)).hasMessageContaining("只有起草人");
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFTING);
	}

	@Test
	void theCurrentMonthIsAllowedButNotAPastOne() {
		assertThat(PurchasePlan.draft("PP-2026-11-001", YearMonth.of(2026, 11), null, "supply", NOW).period())
				.isEqualTo(YearMonth.of(2026, 11));
		assertThatThrownBy(() -> PurchasePlan.draft("PP-2026-10-001", YearMonth.of(2026, 10), null, "supply", NOW))
				.hasMessageContaining("已經過去");
	}

	@Test
	void escalationGoesOneLevelUpAndStopsAtTheExecutive() {
		assertThat(PlanStep.CHECK.escalatesTo()).contains(com.wholesaler.marketing.identity.Role.BRAND_PLANNING_HEAD);
		assertThat(PlanStep.REVIEW_DIRECTOR.escalatesTo()).contains(com.wholesaler.marketing.identity.Role.EXECUTIVE);
		assertThat(PlanStep.APPROVE_EXECUTIVE.escalatesTo()).isEmpty();
	}
}
