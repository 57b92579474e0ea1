package com.wholesaler.marketing.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.wholesaler.marketing.ActingUsers;
import com.wholesaler.marketing.IntegrationTest;
import com.wholesaler.marketing.identity.Role;

/** The one check every approval goes through: each refusal, the escalated role, and what is recorded. */
@IntegrationTest
class ApprovalCoreTest {

	/** Two steps as a process would declare them: a review that cannot reject, an approval that can. */
	enum Step implements ApprovalStep {
		REVIEW(ApprovalStep.Definition.decidedBy("品牌策劃部審核", Role.BRAND_PLANNING_HEAD, Decision.APPROVE, Decision.RETURN)) {
			@Override
			public java.util.Optional<Role> escalatesTo() {
				return java.util.Optional.of(Role.CENTER_DIRECTOR);
			}
		},
		APPROVE(ApprovalStep.Definition.decidedBy("營銷中心主任審批", Role.CENTER_DIRECTOR, Decision.values()));

		private final Definition definition;

		Step(Definition definition) {
			this.definition = definition;
		}

		@Override
		public Definition definition() {
			return definition;
		}
	}

	record Case(String caseNumber, String drafter, Step at) implements ApprovalCase {
		@Override
		public String caseName() {
			return "測試單";
		}

		@Override
		public Area area() {
			return Area.PRICES;
		}

		@Override
		public boolean awaits(ApprovalStep step) {
			return at == step;
		}
	}

	@Autowired
	ApprovalCore core;

	@Autowired
	ApprovalSheet sheet;

	@Autowired
	IdentityService identityService;

	@AfterEach
	void signOut() {
		identityService.clearAuthentication();
	}

	private static Case atReview() {
		return new Case("T-" + UUID.randomUUID().toString().substring(0, 8), "genadmin", Step.REVIEW);
	}

	private ApprovalCore.Verdict as(String user, Role role, ApprovalCase c, ApprovalStep step, Decision decision, String comment) {
		return ActingUsers.as(identityService, user, List.of(role.groupId()), () -> core.check(c, step, decision, comment));
	}

	@Test
	void theDeciderIsTheSignedInUserWithTheStepsRoleAndTheDecisionIsRecorded() {
		Case c = atReview();
		ApprovalCore.Verdict verdict = as("brandhead", Role.BRAND_PLANNING_HEAD, c, Step.REVIEW, Decision.RETURN, "  數量偏大  ");
		assertThat(verdict.decidedBy()).isEqualTo("brandhead");
		assertThat(verdict.comment()).isEqualTo("數量偏大");
		core.record(c, verdict);
		assertThat(sheet.of(c.caseNumber())).singleElement().satisfies(e -> {
			assertThat(e.type()).isEqualTo(ApprovalEventType.RETURN);
			assertThat(e.stepName()).isEqualTo("品牌策劃部審核");
			assertThat(e.actor()).isEqualTo("brandhead");
		});
		assertThat(sheet.decision(c.caseNumber())).isEqualTo("RETURN");
	}

	@Test
	void aDecisionAtAStepTheCaseIsNotAtIsRefused() {
		assertThatThrownBy(() -> as("director", Role.CENTER_DIRECTOR, atReview(), Step.APPROVE, Decision.APPROVE, null))
				.isInstanceOf(BusinessRuleException.class).hasMessageContaining("目前不在「營銷中心主任審批」這一步");
	}

	@Test
	void aUserWithoutTheStepsRoleIsRefused() {
		assertThatThrownBy(() -> as("clerk1", Role.PHONE_CLERK, atReview(), Step.REVIEW, Decision.APPROVE, null))
				.hasMessageContaining("由品牌策劃部主任審批").hasMessageContaining("clerk1");
		assertThatThrownBy(() -> core.check(atReview(), Step.REVIEW, Decision.APPROVE, null))
				.as("nobody signed in").hasMessageContaining("無法確認操作人");
	}

	@Test
	void theDrafterMayNotDecideEvenHoldingTheRole() {
		Case c = new Case("T-own", "brandhead", Step.REVIEW);
		assertThatThrownBy(() -> as("brandhead", Role.BRAND_PLANNING_HEAD, c, Step.REVIEW, Decision.APPROVE, null))
				.hasMessageContaining("不能審批自己的測試單");
	}

	@Test
	void aDecisionTheStepDoesNotAllowIsRefused() {
		assertThatThrownBy(() -> as("brandhead", Role.BRAND_PLANNING_HEAD, atReview(), Step.REVIEW, Decision.REJECT, "不要"))
				.hasMessageContaining("不能選擇「否決」").hasMessageContaining("同意、退回修改");
		assertThatThrownBy(() -> as("brandhead", Role.BRAND_PLANNING_HEAD, atReview(), Step.REVIEW, null, null))
				.hasMessageContaining("不能選擇");
	}

	@Test
	void aReturnOrRejectionNeedsACommentWithinItsLimit() {
		assertThatThrownBy(() -> as("brandhead", Role.BRAND_PLANNING_HEAD, atReview(), Step.REVIEW, Decision.RETURN, "  "))
				.hasMessageContaining("必須填寫審核意見");
		Case atApproval = new Case("T-approve", "genadmin", Step.APPROVE);
		assertThatThrownBy(() -> as("director", Role.CENTER_DIRECTOR, atApproval, Step.APPROVE, Decision.REJECT, null))
				.hasMessageContaining("否決時必須填寫審核意見");
		assertThatThrownBy(() -> as("director", Role.CENTER_DIRECTOR, atApproval, Step.APPROVE, Decision.APPROVE, "意".repeat(1001)))
				.hasMessageContaining("不能超過 1000 字");
		assertThat(as("director", Role.CENTER_DIRECTOR, atApproval, Step.APPROVE, Decision.APPROVE, null).comment()).isNull();
	}

	@Test
	void theRoleAboveDecidesOnlyOnceTheStepWasEscalated() {
		Case c = atReview();
		assertThatThrownBy(() -> as("director", Role.CENTER_DIRECTOR, c, Step.REVIEW, Decision.APPROVE, null))
				.hasMessageContaining("沒有這個角色");
		sheet.record(c.caseNumber(), Step.REVIEW, ApprovalEventType.ESCALATE, "逾期一天", null);
		assertThat(as("director", Role.CENTER_DIRECTOR, c, Step.REVIEW, Decision.APPROVE, null).decidedBy()).isEqualTo("director");
	}
}
