package com.wholesaler.marketing.desk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How long the center's steps and processes take (median and 90th percentile over the last 90 days, from
 * the engine's history of finished tasks and instances), and how often each decision step returns a case.
 */
@Service
public class LeadTimes {

	public static final int DAYS = 90;

	/** A step's or a process's finished runs in the period and their lead time in hours. */
	public record Timing(String processKey, String processName, String stepKey, String stepName, int finished, double medianHours,
			double p90Hours) {
	}

	/** A decision step's decisions in the period and how many of them returned or rejected the case. */
	public record Returns(String stepName, int decisions, int returned) {

		public double rate() {
			return decisions == 0 ? 0 : returned / (double) decisions;
		}
	}

	private final JdbcClient jdbc;
	private final ProcessNames processNames;
	private final Clock clock;

	LeadTimes(JdbcClient jdbc, ProcessNames processNames, Clock clock) {
		this.jdbc = jdbc;
		this.processNames = processNames;
		this.clock = clock;
	}

	/** Per step of each process: the tasks finished in the last 90 days, slowest median first. */
	public List<Timing> steps() {
		Map<String, List<Long>> durations = new LinkedHashMap<>();
		Map<String, String[]> labels = new HashMap<>();
		jdbc.sql("""
				SELECT PROC_DEF_KEY_ AS process_key, TASK_DEF_KEY_ AS step_key, NAME_ AS step_name, DURATION_ AS millis
				FROM ACT_HI_TASKINST WHERE END_TIME_ >= :since AND DURATION_ IS NOT NULL AND PROC_DEF_KEY_ IS NOT NULL""")
				.param("since", since())
				.query((rs, n) -> {
					String key = rs.getString("process_key") + "/" + rs.getString("step_key");
					labels.putIfAbsent(key, new String[] {rs.getString("process_key"), rs.getString("step_key"), rs.getString("step_name")});
					return durations.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("millis"));
				})
				.list();
		return timings(durations, labels);
	}

	/** Per process: the instances finished in the last 90 days. */
	public List<Timing> processes() {
		Map<String, List<Long>> durations = new LinkedHashMap<>();
		Map<String, String[]> labels = new HashMap<>();
		jdbc.sql("""
				SELECT PROC_DEF_KEY_ AS process_key, DURATION_ AS millis FROM ACT_HI_PROCINST
				WHERE END_TIME_ >= :since AND DURATION_ IS NOT NULL""")
				.param("since", since())
				.query((rs, n) -> {
					String key = rs.getString("process_key");
					labels.putIfAbsent(key, new String[] {key, null, null});
					return durations.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong("millis"));
				})
				.list();
		return timings(durations, labels);
	}

	/** Per decision step on the approval sheets: decisions in the last 90 days and returns or rejections among them. */
	public List<Returns> returns() {
		return jdbc.sql("""
				SELECT step_name, COUNT(*) AS decisions, SUM(CASE WHEN event IN ('RETURN', 'REJECT') THEN 1 ELSE 0 END) AS returned
				FROM approval_event WHERE occurred_at >= :since AND event IN ('APPROVE', 'APPROVE_URGENT', 'RETURN', 'REJECT')
				GROUP BY step_name ORDER BY SUM(CASE WHEN event IN ('RETURN', 'REJECT') THEN 1 ELSE 0 END) DESC, step_name""")
				.param("since", Timestamp.valueOf(java.time.LocalDateTime.now(clock).minusDays(DAYS)))
				.query((rs, n) -> new Returns(rs.getString("step_name"), rs.getInt("decisions"), rs.getInt("returned")))
				.list();
	}

	private Timestamp since() {
		return Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS)));
	}

	private List<Timing> timings(Map<String, List<Long>> durations, Map<String, String[]> labels) {
		Map<String, String> names = processNames.byKey();
		List<Timing> timings = new ArrayList<>();
		durations.forEach((key, millis) -> {
			String[] l = labels.get(key);
			List<Long> sorted = millis.stream().sorted().toList();
			timings.add(new Timing(l[0], names.getOrDefault(l[0], l[0]), l[1], l[2], sorted.size(), hours(percentile(sorted, 50)),
					hours(percentile(sorted, 90))));
		});
		timings.sort((a, b) -> Double.compare(b.medianHours(), a.medianHours()));
		return timings;
	}

	/** The nearest-rank percentile of sorted values. */
	static long percentile(List<Long> sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static double hours(long millis) {
		return millis / 3_600_000.0;
	}
}
