package com.wholesaler.marketing;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Puts a datasource-proxy in front of an application's data source: counts the SQL statements it
 * sends and the commits, and keeps the statements (with their parameters) that a test asks for.
 * Given to {@link StandaloneApp#start} as an initializer, so the shared test context is untouched.
 */
public final class SqlRecorder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** What was sent up to a moment, to subtract from a later moment's. */
	public record Counts(long statements, long domainStatements, long roundTrips, long commits) {

		public static final Counts NONE = new Counts(0, 0, 0, 0);

		public Counts plus(Counts other) {
			return new Counts(statements + other.statements, domainStatements + other.domainStatements, roundTrips + other.roundTrips,
					commits + other.commits);
		}

		public Counts minus(Counts earlier) {
			return new Counts(statements - earlier.statements, domainStatements - earlier.domainStatements,
					roundTrips - earlier.roundTrips, commits - earlier.commits);
		}
	}

	/** A statement as the application sent it, its parameters in order. */
	public record Statement(String sql, List<Object> parameters) {
	}

	/** The engine's tables: ACT_RU_*, ACT_HI_*, ACT_RE_*, ACT_GE_*, ACT_ID_*. */
	private static final java.util.regex.Pattern ENGINE_TABLE = java.util.regex.Pattern.compile("(?i)\\bACT_(RU|HI|RE|GE|ID)_");

	private final AtomicLong statements = new AtomicLong();
	private final AtomicLong roundTrips = new AtomicLong();
	private final AtomicLong domainStatements = new AtomicLong();
	private final AtomicLong commits = new AtomicLong();
	private final Predicate<String> keep;
	private final List<Statement> kept = Collections.synchronizedList(new ArrayList<>());

	public SqlRecorder() {
		this(sql -> false);
	}

	public SqlRecorder(Predicate<String> keep) {
		this.keep = keep;
	}

	/** Statements executed, each row of a batch counted as one. */
	public long statements() {
		return statements.get();
	}

	/** Statements on the application's own tables (not the engine's ACT_ tables), batch rows counted. */
	public long domainStatements() {
		return domainStatements.get();
	}

	/** Calls to the database: a batch is one. */
	public long roundTrips() {
		return roundTrips.get();
	}

	public long commits() {
		return commits.get();
	}

	public Counts counts() {
		return new Counts(statements(), domainStatements(), roundTrips(), commits());
	}

	/** The counts of several nodes together. */
	public static Counts sum(List<SqlRecorder> recorders) {
		return recorders.stream().map(SqlRecorder::counts).reduce(Counts.NONE, Counts::plus);
	}

	public List<Statement> kept() {
		synchronized (kept) {
			return List.copyOf(kept);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(name, dataSource).listener(new Queries()).methodListener(new Commits()).build();
				}
				return bean;
			}
		});
	}

	private final class Queries implements QueryExecutionListener {
		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			int executed = execution.isBatch() ? execution.getBatchSize() : queries.size();
			statements.addAndGet(executed);
			roundTrips.incrementAndGet();
			if (!queries.isEmpty() && !ENGINE_TABLE.matcher(queries.get(0).getQuery()).find()) {
				domainStatements.addAndGet(executed);
			}
			for (QueryInfo query : queries) {
				if (keep.test(query.getQuery())) {
					List<Object> parameters = query.getParametersList().isEmpty() ? List.of()
							: query.getParametersList().get(0).stream().map(ParameterSetOperation::getArgs)
									.sorted(Comparator.comparingInt(args -> (Integer) args[0])).map(args -> args[1]).toList();
					kept.add(new Statement(query.getQuery(), parameters));
				}
			}
		}
	}

	private final class Commits implements MethodExecutionListener {
		@Override
		public void beforeMethod(MethodExecutionContext context) {
		}

		@Override
		public void afterMethod(MethodExecutionContext context) {
			if (context.getTarget() instanceof Connection && "commit".equals(context.getMethod().getName())) {
				commits.incrementAndGet();
			}
		}
	}
}
