package com.wholesaler.marketing.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.wholesaler.marketing.identity.Role;

/**
 * 分管: the areas the director gives the deputy. The director-level steps of an assigned area are
 * offered to the deputy as well, who then decides them in their own right; every change is recorded.
 */
@Service
@Transactional
public class DeputyAreas {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	DeputyAreas(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	public record Change(Area area, boolean assigned, String changedBy, LocalDateTime changedAt) {
	}

	@Transactional(readOnly = true)
	public Set<Area> assigned() {
		Set<Area> areas = EnumSet.noneOf(Area.class);
		jdbc.sql("SELECT area FROM deputy_area").query(String.class).list().forEach(a -> areas.add(Area.valueOf(a)));
		return areas;
	}

	@Transactional(readOnly = true)
	public boolean covers(Area area) {
		return area != null && assigned().contains(area);
	}

	/** The director sets the deputy's areas; what changed is recorded, each area on its own line. */
	public void assign(Set<Area> areas, String by, Set<String> byGroups) {
		if (!byGroups.contains(Role.CENTER_DIRECTOR.groupId()) && !byGroups.contains(Role.CAMUNDA_ADMIN)) {
			throw new BusinessRuleException("只有營銷中心主任可以設定副主任的分管範圍 (only the center director)");
		}
		Set<Area> before = assigned();
		Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
		for (Area area : Area.values()) {
			boolean wanted = areas.contains(area);
			if (wanted == before.contains(area)) {
				continue;
			}
			if (wanted) {
				jdbc.sql("INSERT INTO deputy_area (area, assigned_by, assigned_at) VALUES (:a, :by, :at)")
						.param("a", area.name()).param("by", by).param("at", now).update();
			}
			else {
				jdbc.sql("DELETE FROM deputy_area WHERE area = :a").param("a", area.name()).update();
			}
			jdbc.sql("INSERT INTO deputy_area_change (area, assigned, changed_by, changed_at) VALUES (:a, :x, :by, :at)")
					.param("a", area.name()).param("x", wanted).param("by", by).param("at", now).update();
		}
		events.publishEvent(new StandIns.DelegationChanged());
	}

	@Transactional(readOnly = true)
	public List<Change> changes() {
		return jdbc.sql("SELECT * FROM deputy_area_change ORDER BY id DESC").query((rs, i) -> new Change(Area.valueOf(rs.getString("area")),
				rs.getBoolean("assigned"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toLocalDateTime())).list();
	}
}
