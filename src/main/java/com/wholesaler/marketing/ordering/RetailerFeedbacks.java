package com.wholesaler.marketing.ordering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.wholesaler.marketing.approval.ActionForbidden;
import com.wholesaler.marketing.approval.Actor;
import com.wholesaler.marketing.approval.BusinessRuleException;
import com.wholesaler.marketing.catalog.Catalog;
import com.wholesaler.marketing.identity.Role;
import com.wholesaler.marketing.numbering.DocumentNumbers;

/**
 * 客戶意見 (解答客戶諮詢，記錄、整理客戶意見，並將資訊傳送相關部門): a clerk records a retailer's question or
 * complaint on the call; the rules table (feedback-routing.dmn) routes it to a department, which
 * answers it or passes it on with a comment; the clerk tells the retailer the answer on a later call
 * and confirms it. Each step is checked here, whatever client sent it.
 */
@Service
public class RetailerFeedbacks {

	public static final String PROCESS_ID = "retailerFeedback";
	public static final int TEXT_LIMIT = 1000;

	/** The departments a feedback may be routed or passed on to. */
	public static final Set<Role> DEPARTMENTS = EnumSet.of(Role.GENERAL_ADMIN, Role.SUPPLY_MANAGER, Role.BRAND_PLANNING_HEAD,
			Role.BRAND_MANAGER, Role.ORDER_DEPT_HEAD, Role.REGIONAL_MARKETING, Role.SEAT_LEADER);

	public enum Status {
		OPEN("待答覆"), ANSWERED("已答覆，待告知"), TOLD("已告知客戶");

		private final String chineseName;

		Status(String chineseName) {
			this.chineseName = chineseName;
		}

		public String chineseName() {
			return chineseName;
		}
	}

	/** A feedback as a client sends it from the desk. */
	public record Report(String retailerCode, String topic, String productCode, String text) {
	}

	public record Recorded(String feedbackNumber, String topic, String routedTo) {
	}

	public record Feedback(String feedbackNumber, String retailerCode, String retailerName, String productCode, FeedbackTopic topic, String text,
			String recordedBy, LocalDateTime recordedAt, Status status, String answeringGroup, String answer, String answeredBy) {

		@JsonProperty
		public String topicName() {
			return topic.chineseName();
		}

		@JsonProperty
		public String answeringDepartment() {
			return answeringGroup == null ? "—" : Role.ofGroupId(answeringGroup).map(Role::chineseName).orElse(answeringGroup);
		}
	}

	public record Step(String step, String actor, String toGroup, String comment, LocalDateTime at) {
	}

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DocumentNumbers numbers;
	private final RuntimeService runtime;
	private final Clock clock;

	RetailerFeedbacks(JdbcClient jdbc, Catalog catalog, DocumentNumbers numbers, RuntimeService runtime, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.numbers = numbers;
		this.runtime = runtime;
		this.clock = clock;
	}

	/** Records the feedback and starts its case; the rules table has routed it when this returns. */
	@Transactional
	public Recorded record(String clerk, Set<String> groups, Report report) {
		if (!groups.contains(Role.PHONE_CLERK.groupId()) && !groups.contains(Role.SEAT_LEADER.groupId())) {
			throw new ActionForbidden("只有坐席（電話訂貨員、坐席班長）記錄客戶意見 (only the seats record feedback)");
		}
		FeedbackTopic topic;
		try {
			topic = FeedbackTopic.valueOf(String.valueOf(report.topic()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BusinessRuleException("類別應為 PRICE（價格）、QUALITY（產品質量）、SUPPLY（貨源供應）、SERVICE（服務）或 POLICY（營銷政策）(topic)");
		}
		String text = report.text() == null ? "" : report.text().strip();
		if (text.isEmpty()) {
			throw new BusinessRuleException("請寫下客戶的問題或意見 (text is required)");
		}
		if (text.length() > TEXT_LIMIT) {
			throw new BusinessRuleException("客戶意見不能超過 %d 字，現在 %d 字 (text too long)".formatted(TEXT_LIMIT, text.length()));
		}
		String retailer = report.retailerCode() == null ? "" : report.retailerCode().strip().toUpperCase(Locale.ROOT);
		if (retailer.isEmpty() || jdbc.sql("SELECT COUNT(*) FROM retailer WHERE code = :c").param("c", retailer).query(Long.class).single() == 0) {
			throw new BusinessRuleException("找不到零售客戶「%s」(unknown retailer)".formatted(retailer));
		}
		String product = report.productCode() == null || report.productCode().isBlank() ? null : report.productCode().strip().toUpperCase(Locale.ROOT);
		if (product != null && catalog.product(product).isEmpty()) {
			throw new BusinessRuleException("找不到捲菸規格「%s」(unknown product)".formatted(product));
		}
		return open(clerk, topic, retailer, product, text);
	}

	/**
	 * A product anomaly noted on the desk (裝置異常、客戶異常、產品異常之產品異常) becomes a product-quality
	 * case, which the rules table gives to the general administrator; the retailer who reported it, if any,
	 * is told the answer like any other feedback. The caller has checked the codes.
	 */
	Recorded productAnomaly(String clerk, String retailerOrNull, String product, String note) {
		return open(clerk, FeedbackTopic.QUALITY, retailerOrNull, product, "產品異常：" + note);
	}

	private Recorded open(String clerk, FeedbackTopic topic, String retailer, String product, String text) {
		LocalDateTime now = LocalDateTime.now(clock);
		String series = "KF-" + YearMonth.from(now);
		String number = "%s-%03d".formatted(series, numbers.next(series));
		jdbc.sql("""
				INSERT INTO retailer_feedback (feedback_number, retailer_code, product_code, topic, text, recorded_by, recorded_at, status)
				VALUES (:n, :r, :p, :t, :text, :by, :at, 'OPEN')""")
				.param("n", number).param("r", retailer).param("p", product).param("t", topic.name()).param("text", text).param("by", clerk)
				.param("at", Timestamp.valueOf(now)).update();
		step(number, "RECORDED", clerk, null, null);
		runtime.startProcessInstanceByKey(PROCESS_ID, number, Map.of("feedbackNumber", number, "topic", topic.name()));
		return new Recorded(number, topic.name(), feedback(number).answeringGroup());
	}

	/** The rules table's answer: a department, or a refusal that rolls the recording back. */
	void routed(String number, Object group) {
		Role department = department(group == null ? null : group.toString());
		if (department == null) {
			throw new BusinessRuleException("客戶意見路由規則沒有給出答覆部門 (the routing rule named no department)");
		}
		jdbc.sql("UPDATE retailer_feedback SET answering_group = :g WHERE feedback_number = :n").param("g", department.groupId())
				.param("n", number).update();
		step(number, "ROUTED", "規則", department.groupId(), null);
	}

	/**
	 * The department answers, or passes the feedback on to another department with a comment. Only
	 * someone holding the answering department's role decides.
	 */
	void answerOrPassOn(String number, Actor actor, String action, String answer, String passTo, String comment) {
		Feedback f = feedback(number);
		if (f.status() != Status.OPEN) {
			throw new BusinessRuleException("客戶意見 %s 已答覆 (already answered)".formatted(number));
		}
		Role answering = department(f.answeringGroup());
		if (answering == null || !actor.holds(answering)) {
			throw new BusinessRuleException("客戶意見 %s 由%s答覆，您沒有這個角色 (only the answering department decides)"
					.formatted(number, answering == null ? "—" : answering.chineseName()));
		}
		if ("ANSWER".equals(action)) {
			String text = answer == null ? "" : answer.strip();
			if (text.isEmpty() || text.length() > TEXT_LIMIT) {
				throw new BusinessRuleException("請填寫給客戶的答覆（不超過 %d 字）(answer is required)".formatted(TEXT_LIMIT));
			}
			jdbc.sql("""
					UPDATE retailer_feedback SET status = 'ANSWERED', answer = :a, answered_by = :by, answered_at = :at
					WHERE feedback_number = :n""")
					.param("a", text).param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
			step(number, "ANSWERED", actor.id(), null, text);
			return;
		}
		if (!"PASS_ON".equals(action)) {
			throw new BusinessRuleException("請選擇「答覆」或「轉交其他部門」(choose answer or pass on)");
		}
		Role to = department(passTo);
		if (to == null || to == answering) {
			throw new BusinessRuleException("請選擇要轉交的其他部門（%s）(pass on to another department)".formatted(String.join("、",
					DEPARTMENTS.stream().filter(d -> d != answering).map(Role::chineseName).toList())));
		}
		String why = comment == null ? "" : comment.strip();
		if (why.isEmpty() || why.length() > TEXT_LIMIT) {
			throw new BusinessRuleException("轉交時請說明原因（不超過 %d 字）(a comment is required to pass on)".formatted(TEXT_LIMIT));
		}
		jdbc.sql("UPDATE retailer_feedback SET answering_group = :g WHERE feedback_number = :n").param("g", to.groupId()).param("n", number)
				.update();
		step(number, "PASSED_ON", actor.id(), to.groupId(), why);
	}

	/** The clerk told the retailer the answer on a call. */
	void told(String number, Actor actor) {
		Feedback f = feedback(number);
		if (f.status() != Status.ANSWERED) {
			throw new BusinessRuleException("客戶意見 %s 還沒有答覆，或已告知 (not answered)".formatted(number));
		}
		if (!actor.holds(Role.PHONE_CLERK) && !actor.holds(Role.SEAT_LEADER)) {
			throw new BusinessRuleException("由坐席告知客戶答覆 (the seats tell the retailer)");
		}
		jdbc.sql("UPDATE retailer_feedback SET status = 'TOLD', told_by = :by, told_at = :at WHERE feedback_number = :n")
				.param("by", actor.id()).param("at", Timestamp.valueOf(LocalDateTime.now(clock))).param("n", number).update();
		step(number, "TOLD", actor.id(), null, null);
	}

	public Feedback feedback(String number) {
		return find(number).orElseThrow(() -> new BusinessRuleException("找不到客戶意見「%s」(unknown feedback)".formatted(number)));
	}

	public Optional<Feedback> find(String number) {
		return jdbc.sql(SELECT + " WHERE f.feedback_number = :n").param("n", number).query(this::map).optional();
	}

	/** A retailer's feedback not yet told: what the desk shows when the retailer is called. */
	public List<Feedback> openFor(String retailerCode) {
		return jdbc.sql(SELECT + " WHERE f.retailer_code = :r AND f.status <> 'TOLD' ORDER BY f.recorded_at")
				.param("r", retailerCode == null ? "" : retailerCode.strip().toUpperCase(Locale.ROOT)).query(this::map).list();
	}

	public List<Step> steps(String number) {
		return jdbc.sql("SELECT step, actor, to_group, comment, at FROM retailer_feedback_step WHERE feedback_number = :n ORDER BY id")
				.param("n", number)
				.query((rs, i) -> new Step(rs.getString("step"), rs.getString("actor"), rs.getString("to_group"), rs.getString("comment"),
						rs.getTimestamp("at").toLocalDateTime()))
				.list();
	}

	private static final String SELECT = """
			SELECT f.feedback_number, f.retailer_code, t.name AS retailer_name, f.product_code, f.topic, f.text, f.recorded_by, f.recorded_at,
			       f.status, f.answering_group, f.answer, f.answered_by
			FROM retailer_feedback f LEFT JOIN retailer t ON t.code = f.retailer_code""";

	private Feedback map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Feedback(rs.getString("feedback_number"), rs.getString("retailer_code"), rs.getString("retailer_name"),
				rs.getString("product_code"), FeedbackTopic.valueOf(rs.getString("topic")), rs.getString("text"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toLocalDateTime(), Status.valueOf(rs.getString("status")), rs.getString("answering_group"),
				rs.getString("answer"), rs.getString("answered_by"));
	}

	private void step(String number, String step, String actor, String toGroup, String comment) {
		jdbc.sql("INSERT INTO retailer_feedback_step (feedback_number, step, actor, to_group, comment, at) VALUES (:n, :s, :a, :g, :c, :at)")
				.param("n", number).param("s", step).param("a", actor).param("g", toGroup).param("c", comment)
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock))).update();
	}

	private static Role department(String groupId) {
		return groupId == null ? null : Role.ofGroupId(groupId.strip()).filter(DEPARTMENTS::contains).orElse(null);
	}
}
