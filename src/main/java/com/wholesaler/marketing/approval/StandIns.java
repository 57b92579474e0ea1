package com.wholesaler.marketing.approval;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.identity.Role;

/**
 * 代理: an approver away names a colleague who decides in their place from one day to another —
 * someone holding the same role, the role one level up, or, for the director, the deputy. The stand-in
 * then sees those tasks (DelegatedTasks) and the approval core lets them decide, recorded as 「趙華 代 李明」.
 */
@Service
@Transactional
public class StandIns {

	/** The longest stand-in one may set at once; a longer absence is a change of role, made in Admin. */
	public static final int LONGEST_DAYS = 92;

	private final JdbcClient jdbc;
	private final People people;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	StandIns(JdbcClient jdbc, People people, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.people = people;
		this.clock = clock;
		this.events = events;
	}

	/** Who changed the stand-ins or the deputy's areas: the tasks offered besides the roles follow (DelegatedTasks). */
	public record DelegationChanged() {
	}

	public StandIn appoint(String principal, String standIn, LocalDate from, LocalDate to, String by, Set<String> byGroups) {
		if (!by.equals(principal) && !byGroups.contains(Role.CAMUNDA_ADMIN)) {
			throw new BusinessRuleException("只能為自己設定代理人 (you may set only your own stand-in)");
		}
		String who = standIn == null ? "" : standIn.trim();
		if (!people.exists(who)) {
			throw new BusinessRuleException("找不到用戶「%s」(no such user)".formatted(who));
		}
		if (who.equals(principal)) {
			throw new BusinessRuleException("代理人不能是自己 (the stand-in must be someone else)");
		}
		LocalDate today = LocalDate.now(clock);
		if (from == null || to == null) {
			throw new BusinessRuleException("請填寫代理的開始和結束日期 (from and to are required)");
		}
		if (from.isBefore(today)) {
			throw new BusinessRuleException("代理不能從過去的日期開始 (the stand-in cannot start in the past)");
		}
		if (to.isBefore(from)) {
			throw new BusinessRuleException("結束日期不能早於開始日期 (the end is before the start)");
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > LONGEST_DAYS) {
			throw new BusinessRuleException("一次代理最長 %d 天 (at most %d days)".formatted(LONGEST_DAYS, LONGEST_DAYS));
		}
		Set<String> principalGroups = people.groupsOf(principal);
		Set<String> standInGroups = people.groupsOf(who);
		if (!mayStandIn(principalGroups, standInGroups)) {
			throw new BusinessRuleException("%s 不能代理 %s：代理人須擔任相同角色或上一級角色，主任可由副主任代理 (same role, the role above, or the deputy for the director)"
					.formatted(people.name(who), people.name(principal)));
		}
		boolean overlaps = of(principal).stream().filter(s -> s.principal().equals(principal) && s.isCurrentOrComing(today))
				.anyMatch(s -> !s.validTo().isBefore(from) && !s.validFrom().isAfter(to));
		if (overlaps) {
			throw new BusinessRuleException("這段時間您已有代理人，請先結束原來的代理 (an earlier stand-in overlaps)");
		}
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO stand_in (principal, stand_in, valid_from, valid_to, created_by, created_at)
				VALUES (:p, :s, :f, :t, :by, :at)""").param("p", principal).param("s", who).param("f", Date.valueOf(from))
				.param("t", Date.valueOf(to)).param("by", by).param("at", Timestamp.valueOf(now))
				.update(keys, "id");
		long id = keys.getKey().longValue();
		events.publishEvent(new DelegationChanged());
		return find(id).orElseThrow();
	}

	/** Ends a stand-in before its last day: by the principal, the stand-in or an administrator. */
	public void end(long id, String by, Set<String> byGroups) {
		StandIn s = find(id).orElseThrow(() -> new BusinessRuleException("找不到這項代理 (no such stand-in)"));
		if (!by.equals(s.principal()) && !by.equals(s.standIn()) && !byGroups.contains(Role.CAMUNDA_ADMIN)) {
			throw new BusinessRuleException("只有委託人、代理人或系統管理員可以結束代理 (only those concerned may end it)");
		}
		if (!s.isCurrentOrComing(LocalDate.now(clock))) {
			throw new BusinessRuleException("這項代理已經結束 (already ended)");
		}
		jdbc.sql("UPDATE stand_in SET ended_at = :at, ended_by = :by WHERE id = :id")
				.param("at", Timestamp.valueOf(LocalDateTime.now(clock).withNano(0))).param("by", by).param("id", id).update();
		events.publishEvent(new DelegationChanged());
	}

	/** The stand-ins a user set or holds, newest first. */
	@Transactional(readOnly = true)
	public List<StandIn> of(String user) {
		return jdbc.sql("SELECT * FROM stand_in WHERE principal = :u OR stand_in = :u ORDER BY valid_from DESC, id DESC")
				.param("u", user).query(StandIns::standIn).list();
	}

	@Transactional(readOnly = true)
	public List<StandIn> activeOn(LocalDate day) {
		return jdbc.sql("SELECT * FROM stand_in WHERE ended_at IS NULL AND valid_from <= :d AND valid_to >= :d")
				.param("d", Date.valueOf(day)).query(StandIns::standIn).list();
	}

	/** The colleague holding the role for whom this user stands in today, if any. */
	@Transactional(readOnly = true)
	public Optional<String> principalFor(String standIn, Role role) {
		if (role == null) {
			return Optional.empty();
		}
		return activeOn(LocalDate.now(clock)).stream().filter(s -> s.standIn().equals(standIn)).map(StandIn::principal)
				.filter(p -> people.groupsOf(p).contains(role.groupId())).findFirst();
	}

	/** The colleagues who may stand in for the principal, by id, with their names: the choices the page offers. */
	public Map<String, String> candidatesFor(String principal) {
		Set<String> principalGroups = people.groupsOf(principal);
		Map<String, String> candidates = new TreeMap<>();
		people.everyone().forEach((id, name) -> {
			if (!id.equals(principal) && mayStandIn(principalGroups, people.groupsOf(id))) {
				candidates.put(id, name);
			}
		});
		return candidates;
	}

	/** Same role, the role one level up, or the deputy for the director. */
	static boolean mayStandIn(Set<String> principalGroups, Set<String> standInGroups) {
		for (String g : principalGroups) {
			Optional<Role> role = Role.ofGroupId(g);
			if (role.isEmpty() || role.get() == Role.PROCESS_OWNER) {
				continue;
			}
			if (standInGroups.contains(g) || role.get().above().map(r -> standInGroups.contains(r.groupId())).orElse(false)
					|| role.get() == Role.CENTER_DIRECTOR && standInGroups.contains(Role.DEPUTY_DIRECTOR.groupId())) {
				return true;
			}
		}
		return false;
	}

	private Optional<StandIn> find(long id) {
		return jdbc.sql("SELECT * FROM stand_in WHERE id = :id").param("id", id).query(StandIns::standIn).optional();
	}

	private static StandIn standIn(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new StandIn(rs.getLong("id"), rs.getString("principal"), rs.getString("stand_in"), rs.getDate("valid_from").toLocalDate(),
				rs.getDate("valid_to").toLocalDate(), ended == null ? null : ended.toLocalDateTime(), rs.getString("ended_by"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toLocalDateTime());
	}
}
