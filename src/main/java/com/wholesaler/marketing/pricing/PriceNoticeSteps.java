package com.wholesaler.marketing.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.CurrentUser;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The steps of price-notice.bpmn, each a bean it names: thin, each calls {@link PriceNotices}. */
public final class PriceNoticeSteps {

	static final String NUMBER = "noticeNumber";
	static final String TASK_REVISE = "Task_CorrectNotice";

	private PriceNoticeSteps() {
	}

	/** The notice as the entry and correction forms hold it. */
	static NoticeEntry entry(DelegateExecution e) {
		return NoticeEntry.of(e.getVariable("reference"), e.getVariable("effectiveDate"), e.getVariable("lines"), e.getVariable("newProducts"),
				e.getVariable("note"));
	}

	@Component("noticeStartListener")
	public static class Start implements ExecutionListener {
		private final PriceNotices notices;

		Start(PriceNotices notices) {
			this.notices = notices;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = notices.record(entry(execution));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
				execution.setVariable("drafter", notices.notice(number).drafter());
			});
		}
	}

	/** The gateways' questions, answered from the stored notice. */
	@Component("noticeCase")
	@ModelExpression
	public static class Model {
		private final PriceNotices notices;

		Model(PriceNotices notices) {
			this.notices = notices;
		}

		public boolean confirmed(String number) {
			return notices.notice(number).status() == PriceNotices.Status.CONFIRMED;
		}

		public boolean withdrawn(String number) {
			return notices.notice(number).status() == PriceNotices.Status.WITHDRAWN;
		}

		/** When the effective-date timer fires: the start of the effective date in the business zone. */
		public Date effectiveAt(String number) {
			return BusinessTime.startOf(notices.notice(number).effectiveDate());
		}
	}

	@Component("noticeCheckListener")
	public static class Check extends TaskAnswerListener {
		private final PriceNotices notices;

		Check(PriceNotices notices) {
			this.notices = notices;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			notices.check((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("noticeCorrectListener")
	public static class Correct extends TaskAnswerListener {
		private final PriceNotices notices;

		Correct(PriceNotices notices) {
			this.notices = notices;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			notices.revise((String) execution.getVariable(NUMBER), execution.getVariable("reviseAction"), () -> entry(execution),
					(String) execution.getVariable("comment"));
		}
	}

	@Component("applyNoticeDelegate")
	public static class Apply implements JavaDelegate {
		private final PriceNotices notices;

		Apply(PriceNotices notices) {
			this.notices = notices;
		}

		@Override
		public void execute(DelegateExecution execution) {
			notices.apply((String) execution.getVariable(NUMBER));
		}
	}

	/** The order department, the seat leaders and regional marketing acknowledge the new prices. */
	@Component("acknowledgeNoticeListener")
	public static class Acknowledge extends TaskAnswerListener {
		private final PriceNotices notices;
		private final CurrentUser currentUser;

		Acknowledge(PriceNotices notices, CurrentUser currentUser) {
			this.notices = notices;
			this.currentUser = currentUser;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			notices.acknowledge((String) execution.getVariable(NUMBER), currentUser.id(), execution.getCurrentActivityName());
		}
	}

	/** What the forms show, read from the stored notice; the correction form also gets the entry to edit. */
	@Component("noticeDisplay")
	public static class Display implements TaskListener {
		private final PriceNotices notices;
		private final ObjectMapper json;

		Display(PriceNotices notices, ObjectMapper json) {
			this.notices = notices;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			String number = (String) task.getVariable(NUMBER);
			PriceNotices.Notice notice = notices.notice(number);
			List<PriceNotices.Line> lines = notices.lines(number);
			task.setVariableLocal("caseSummary", "文號 %s；生效日期 %s；%s%s".formatted(notice.reference(), notice.effectiveDate(),
					notice.status().chineseName(), notice.note() == null ? "" : "。備註：" + notice.note()));
			task.setVariableLocal("noticeLines", FormTables.json(json, rows(lines)));
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(notices.history(number))));
			if (TASK_REVISE.equals(task.getTaskDefinitionKey())) {
				NoticeEntry entry = notices.entryOf(notice);
				task.setVariable("reference", entry.reference());
				task.setVariable("effectiveDate", entry.effectiveDate().toString());
				task.setVariable("lines", priceText(entry));
				task.setVariable("newProducts", newProductText(entry));
				task.setVariable("note", entry.note());
			}
		}

		private static List<Map<String, Object>> rows(List<PriceNotices.Line> lines) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (PriceNotices.Line l : lines) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("product", (l.productCode() == null ? "新規格" : l.productCode()) + " " + l.productName());
				row.put("allocation", change(l.currentAllocation(), l.allocation()));
				row.put("wholesale", change(l.currentWholesale(), l.wholesale()));
				row.put("retail", change(l.currentRetail(), l.retail()));
				row.put("priceClass", l.priceClass());
				row.put("warnings", l.warnings() == null ? "" : l.warnings());
				rows.add(row);
			}
			return rows;
		}

		private static String change(BigDecimal from, BigDecimal to) {
			return from == null ? to.toPlainString() : from.compareTo(to) == 0 ? to.toPlainString() : from + " → " + to;
		}

		private static String priceText(NoticeEntry entry) {
			StringBuilder text = new StringBuilder();
			entry.prices().forEach(p -> text.append("%s %s %s %s%n".formatted(p.productCode(), p.wholesale().toPlainString(),
					p.retail().toPlainString(), p.allocation().toPlainString())));
			return text.toString();
		}

		private static String newProductText(NoticeEntry entry) {
			StringBuilder text = new StringBuilder();
			entry.newProducts().forEach(p -> text.append("%s %s %s %s %s %s%n".formatted(p.manufacturerCode(), p.brand(), p.name(),
					p.allocation().toPlainString(), p.wholesale().toPlainString(), p.retail().toPlainString())));
			return text.toString();
		}
	}
}
