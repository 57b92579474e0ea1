package com.wholesaler.marketing.reports;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;
import com.wholesaler.marketing.catalog.BusinessTime;

/** The steps of monthly-report.bpmn, each a bean it names: thin, each calls ReportPacks. */
public final class ReportPackSteps {

	static final String NUMBER = "packNumber";

	private ReportPackSteps() {
	}

	/** Opens last month's pack on the month's first working day (by the engine's clock); any other day the instance just ends. */
	@Component("openReportPackDelegate")
	public static class Open implements JavaDelegate {
		private final ReportPacks packs;

		Open(ReportPacks packs) {
			this.packs = packs;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String number = packs.openOn(BusinessTime.date(ClockUtil.getCurrentTime())).orElse("");
			execution.setVariable(NUMBER, number);
			if (!number.isEmpty()) {
				execution.setProcessBusinessKey(number);
			}
		}
	}

	/** Whether a pack was opened, and whether the director sent it on: the paths, read from the stored pack. */
	@Component("reportPackCase")
	@ModelExpression
	public static class Model {
		private final ReportPacks packs;

		Model(ReportPacks packs) {
			this.packs = packs;
		}

		public boolean opened(String number) {
			return number != null && !number.isEmpty() && packs.find(number).isPresent();
		}

		public boolean sent(String number) {
			return packs.pack(number).status() == ReportPacks.Status.SENT;
		}
	}

	@Component("reportPackCompileListener")
	public static class Compile extends TaskAnswerListener {
		private final ReportPacks packs;

		Compile(ReportPacks packs) {
			this.packs = packs;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			packs.compile((String) execution.getVariable(NUMBER), (String) execution.getVariable("summary"));
		}
	}

	@Component("reportPackReviewListener")
	public static class Review extends TaskAnswerListener {
		private final ReportPacks packs;

		Review(ReportPacks packs) {
			this.packs = packs;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			packs.review((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("reportPackReadListener")
	public static class Read extends TaskAnswerListener {
		private final ReportPacks packs;

		Read(ReportPacks packs) {
			this.packs = packs;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			packs.read((String) execution.getVariable(NUMBER));
		}
	}

	/** What the forms show, read from the stored pack as each task is created. */
	@Component("reportPackDisplay")
	public static class Display implements TaskListener {
		private final ReportPacks packs;
		private final ObjectMapper json;

		Display(ReportPacks packs, ObjectMapper json) {
			this.packs = packs;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			ReportPacks.ReportPack pack = packs.pack((String) task.getVariable(NUMBER));
			task.setVariableLocal("caseSummary", "%s 月度報表（%s）%s".formatted(pack.month(), pack.statusName(),
					pack.summary() == null ? "" : "：" + (pack.summary().length() > 300 ? pack.summary().substring(0, 300) + "…" : pack.summary())));
			task.setVariableLocal("packUrl", "/reports/packs/" + pack.packNumber());
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(packs.history(pack.packNumber()))));
		}
	}
}
