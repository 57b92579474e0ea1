package com.wholesaler.marketing.manufacturers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.wholesaler.marketing.approval.EngineErrors;
import com.wholesaler.marketing.approval.FormTables;
import com.wholesaler.marketing.approval.ModelExpression;
import com.wholesaler.marketing.approval.TaskAnswerListener;

/** The steps of manufacturer-class-change.bpmn, each a bean it names: thin, each calls ManufacturerFiles. */
public final class ClassChangeSteps {

	static final String NUMBER = "changeNumber";

	private ClassChangeSteps() {
	}

	@Component("classChangeStartListener")
	public static class Start implements ExecutionListener {
		private final ManufacturerFiles files;

		Start(ManufacturerFiles files) {
			this.files = files;
		}

		@Override
		public void notify(DelegateExecution execution) {
			EngineErrors.refuseOnRuleViolation(() -> {
				String number = files.proposeClassChange(execution.getVariable("manufacturerCode"), execution.getVariable("newClass"),
						(String) execution.getVariable("reason"));
				execution.setProcessBusinessKey(number);
				execution.setVariable(NUMBER, number);
			});
		}
	}

	@Component("classChangeCase")
	@ModelExpression
	public static class Model {
		private final ManufacturerFiles files;

		Model(ManufacturerFiles files) {
			this.files = files;
		}

		public boolean approved(String number) {
			return "APPROVED".equals(files.classChange(number).status());
		}
	}

	@Component("classChangeDecisionListener")
	public static class Decide extends TaskAnswerListener {
		private final ManufacturerFiles files;

		Decide(ManufacturerFiles files) {
			this.files = files;
		}

		@Override
		protected void answered(DelegateExecution execution) {
			files.decide((String) execution.getVariable(NUMBER), execution.getVariable("decision"), (String) execution.getVariable("comment"));
		}
	}

	@Component("classChangeDisplay")
	public static class Display implements TaskListener {
		private final ManufacturerFiles files;
		private final ObjectMapper json;

		Display(ManufacturerFiles files, ObjectMapper json) {
			this.files = files;
			this.json = json;
		}

		@Override
		public void notify(DelegateTask task) {
			ManufacturerFiles.ClassChange c = files.classChange((String) task.getVariable(NUMBER));
			ManufacturerFiles.Manufacturer m = files.manufacturer(c.manufacturerCode());
			long contracts = files.contracts(m.code()).size();
			task.setVariableLocal("caseSummary", "%s %s：%s 類 → %s 類。理由：%s（合同 %d 份，服務記錄 %d 條）".formatted(m.code(), m.name(), c.fromClass(),
					c.toClass(), c.reason(), contracts, files.serviceLog(m.code()).size()));
			task.setVariableLocal("fileUrl", "/manufacturers/" + m.code());
			task.setVariableLocal("caseHistory", FormTables.json(json, FormTables.approvalSheet(files.history(c.number()))));
		}
	}
}
