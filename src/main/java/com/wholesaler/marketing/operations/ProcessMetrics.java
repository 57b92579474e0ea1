package com.wholesaler.marketing.operations;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What operators watch besides the JVM: the engine's own counters (activity instances, jobs
 * acquired, run and failed), open incidents, and open and overdue tasks per process and step.
 * Task counts come from one grouped query, refreshed every 30 seconds rather than per scrape, so a
 * busy scraper costs the database nothing extra.
 */
@Component
public class ProcessMetrics implements MeterBinder {

	/** One row of the grouped task count. */
	record TaskCount(String process, String step, long open, long overdue) {
	}

	private static final List<String> ENGINE_COUNTERS = List.of(Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END,
			Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
			Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.EXECUTED_DECISION_ELEMENTS);

	private final JdbcTemplate jdbc;
	private final ManagementService managementService;
	private final RuntimeService runtimeService;
	private final AtomicReference<List<TaskCount>> taskCounts = new AtomicReference<>(List.of());
	private MultiGauge openTasks;
	private MultiGauge overdueTasks;

	ProcessMetrics(JdbcTemplate jdbc, ManagementService managementService, RuntimeService runtimeService) {
		this.jdbc = jdbc;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String name : ENGINE_COUNTERS) {
			FunctionCounter.builder("camunda.engine." + name.replace('-', '.'), managementService,
					m -> m.createMetricsQuery().name(name).sum())
					.description("Camunda engine metric " + name + " (as reported to the database)").register(registry);
		}
		Gauge.builder("camunda.incidents.open", runtimeService, r -> r.createIncidentQuery().count())
				.description("Open incidents (failed jobs out of retries and the like)").register(registry);
		openTasks = MultiGauge.builder("marketing.tasks.open").description("Open user tasks per process and step").register(registry);
		overdueTasks = MultiGauge.builder("marketing.tasks.overdue").description("Open user tasks past their due date").register(registry);
		refresh();
	}

	@Scheduled(fixedDelayString = "${marketing.metrics.refresh:PT30S}", initialDelayString = "${marketing.metrics.refresh:PT30S}")
	public void refresh() {
		List<TaskCount> counts = jdbc.query("""
				SELECT d.KEY_ AS process, t.TASK_DEF_KEY_ AS step, COUNT(*) AS open_tasks,
				       SUM(CASE WHEN t.DUE_DATE_ < ? THEN 1 ELSE 0 END) AS overdue_tasks
				FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
				GROUP BY d.KEY_, t.TASK_DEF_KEY_""",
				(rs, i) -> new TaskCount(rs.getString("process"), rs.getString("step"), rs.getLong("open_tasks"), rs.getLong("overdue_tasks")),
				new Timestamp(ClockUtil.getCurrentTime().getTime()));
		taskCounts.set(counts);
		if (openTasks != null) {
			List<MultiGauge.Row<?>> open = new ArrayList<>();
			List<MultiGauge.Row<?>> overdue = new ArrayList<>();
			for (TaskCount c : counts) {
				Tags tags = Tags.of("process", c.process(), "step", c.step());
				open.add(MultiGauge.Row.of(tags, c.open()));
				overdue.add(MultiGauge.Row.of(tags, c.overdue()));
			}
			openTasks.register(open, true);
			overdueTasks.register(overdue, true);
		}
	}

	List<TaskCount> taskCounts() {
		return taskCounts.get();
	}
}
