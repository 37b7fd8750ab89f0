package org.safeguarding.exchange.service.hazards.internal;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;
import static org.safeguarding.exchange.service.sql.SqlValues.strings;
import static org.safeguarding.exchange.service.sql.SqlValues.utc;

import exchange.v1.HazardAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import org.safeguarding.exchange.service.hazards.HazardState;
import org.safeguarding.exchange.service.hazards.HazardStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The SQL of hazards and of the people and agencies each case involves ({@code lifecycle_hazard},
 * {@code lifecycle_case_person}, {@code lifecycle_case_agency}). Every statement takes a whole batch's keys.
 */
@Repository
public class HazardStore {

    private static final String HAZARD_COLUMNS = """
            hazard_id, status, last_action, category, case_reference, person_reference, linked_children, raising_agency,
            notify_agencies, review_due, raised_at, last_occurred_at, raised_sequence, last_sequence""";

    private final JdbcTemplate jdbc;

    HazardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, HazardState> hazards(Collection<String> hazardIds) {
        return hazardsWhere("hazard_id = any(?)", hazardIds, "");
    }

    /** The hazards, locked until the transaction ends, so that two writers of one hazard take turns. */
    public Map<String, HazardState> hazardsForUpdate(Collection<String> hazardIds) {
        return hazardsWhere("hazard_id = any(?)", hazardIds, " for update");
    }

    /** For each person, the cases that involve them. */
    public Map<String, Set<String>> casesOfPeople(Collection<String> people) {
        Map<String, Set<String>> cases = new HashMap<>();
        if (!people.isEmpty()) {
            jdbc.query(con -> withArray(con, "select person_reference, case_reference from lifecycle_case_person"
                    + " where person_reference = any(?) order by first_sequence", people), (RowCallbackHandler) rs ->
                    cases.computeIfAbsent(rs.getString(1), p -> new LinkedHashSet<>()).add(rs.getString(2)));
        }
        return cases;
    }

    /** For each case, every agency that sent or received an accepted message in it. */
    public Map<String, Set<String>> agenciesOfCases(Collection<String> cases) {
        Map<String, Set<String>> agencies = new HashMap<>();
        if (!cases.isEmpty()) {
            jdbc.query(con -> withArray(con, "select case_reference, agency from lifecycle_case_agency where case_reference = any(?)"
                    + " order by first_sequence", cases), (RowCallbackHandler) rs ->
                    agencies.computeIfAbsent(rs.getString(1), c -> new LinkedHashSet<>()).add(rs.getString(2)));
        }
        return agencies;
    }

    /**
     * Records the agencies each case involves, with the register sequence of the entry that first did, in key order
     * so that two writers of the same rows take their locks in the same order.
     */
    public void involveAgencies(SortedMap<CaseAgency, Long> links) {
        insertFirstInvolvements("lifecycle_case_agency", "agency", links, CaseAgency::caseReference, CaseAgency::agency);
    }

    /** Records who each case involves, with the register sequence of the entry that first said so. */
    public void involve(Map<CasePerson, Long> links) {
        insertFirstInvolvements("lifecycle_case_person", "person_reference", links, CasePerson::caseReference,
                CasePerson::personReference);
    }

    /** Rows (case, who, first sequence) in the map's order; an involvement already recorded keeps its first sequence. */
    private <K> void insertFirstInvolvements(String table, String whoColumn, Map<K, Long> links, Function<K, String> caseOf,
            Function<K, String> whoOf) {
        List<Map.Entry<K, Long>> rows = List.copyOf(links.entrySet());
        jdbc.batchUpdate("insert into " + table + " (case_reference, " + whoColumn + ", first_sequence) values (?, ?, ?)"
                + " on conflict do nothing", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, caseOf.apply(row.getKey()));
                    ps.setString(2, whoOf.apply(row.getKey()));
                    ps.setLong(3, row.getValue());
                });
    }

    public void insertHazards(List<HazardState> hazards) {
        jdbc.batchUpdate("insert into lifecycle_hazard (" + HAZARD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                hazards, hazards.size(), (ps, h) -> {
                    int i = 0;
                    ps.setString(++i, h.hazardId());
                    bindState(ps, h, i);
                });
    }

    public void updateHazards(List<HazardState> hazards) {
        jdbc.batchUpdate("""
                update lifecycle_hazard set status = ?, last_action = ?, category = ?, case_reference = ?, person_reference = ?,
                    linked_children = ?, raising_agency = ?, notify_agencies = ?, review_due = ?, raised_at = ?,
                    last_occurred_at = ?, raised_sequence = ?, last_sequence = ?
                where hazard_id = ?""", hazards, hazards.size(), (ps, h) -> {
                    int i = bindState(ps, h, 0);
                    ps.setString(++i, h.hazardId());
                });
    }

    /** Active hazards linked to any of these children, newest raised first. */
    public List<HazardState> activeHazardsOfChildren(Collection<String> children) {
        return List.copyOf(hazardsWhere("status = 'ACTIVE' and linked_children && ?", children, " order by raised_sequence desc").values());
    }

    /**
     * The active hazards related to a case: raised in it, or linked to a person the case involves (the "Related
     * Hazard" of Derby section 4).
     */
    public List<HazardState> relatedHazards(String caseReference) {
        List<HazardState> found = new ArrayList<>();
        jdbc.query("select " + HAZARD_COLUMNS + " from lifecycle_hazard where status = 'ACTIVE' and (case_reference = ?"
                        + " or linked_children && (select coalesce(array_agg(person_reference), '{}') from lifecycle_case_person"
                        + " where case_reference = ?)) order by raised_sequence desc",
                (RowCallbackHandler) rs -> found.add(hazard(rs)), caseReference, caseReference);
        return found;
    }

    /** Active hazards, soonest review first; only those due before {@code dueBefore} when it is given. */
    public List<HazardState> activeHazards(LocalDate dueBefore) {
        List<HazardState> found = new ArrayList<>();
        String sql = "select " + HAZARD_COLUMNS + " from lifecycle_hazard where status = 'ACTIVE'"
                + (dueBefore == null ? "" : " and review_due < ?") + " order by review_due, hazard_id";
        if (dueBefore == null) {
            jdbc.query(sql, (RowCallbackHandler) rs -> found.add(hazard(rs)));
        } else {
            jdbc.query(sql, (RowCallbackHandler) rs -> found.add(hazard(rs)), dueBefore);
        }
        return found;
    }

    private Map<String, HazardState> hazardsWhere(String condition, Collection<String> values, String suffix) {
        Map<String, HazardState> found = new LinkedHashMap<>();
        if (!values.isEmpty()) {
            jdbc.query(con -> withArray(con, "select " + HAZARD_COLUMNS + " from lifecycle_hazard where " + condition + suffix, values),
                    (RowCallbackHandler) rs -> {
                        HazardState h = hazard(rs);
                        found.put(h.hazardId(), h);
                    });
        }
        return found;
    }

    private static int bindState(PreparedStatement ps, HazardState h, int i) throws SQLException {
        ps.setString(++i, h.status().name());
        ps.setString(++i, h.lastAction().name());
        ps.setString(++i, h.category());
        ps.setString(++i, h.caseReference());
        ps.setString(++i, h.personReference());
        ps.setArray(++i, ps.getConnection().createArrayOf("text", h.linkedChildren().toArray()));
        ps.setString(++i, h.raisingAgency());
        ps.setArray(++i, ps.getConnection().createArrayOf("text", h.notifyAgencies().toArray()));
        ps.setObject(++i, h.reviewDue());
        ps.setObject(++i, utc(h.raisedAt()));
        ps.setObject(++i, utc(h.lastOccurredAt()));
        ps.setLong(++i, h.raisedSequence());
        ps.setLong(++i, h.lastSequence());
        return i;
    }

    private static HazardState hazard(ResultSet rs) throws SQLException {
        return new HazardState(rs.getString("hazard_id"), HazardStatus.valueOf(rs.getString("status")),
                HazardAction.valueOf(rs.getString("last_action")), rs.getString("category"), rs.getString("case_reference"),
                rs.getString("person_reference"), strings(rs.getArray("linked_children")), rs.getString("raising_agency"),
                strings(rs.getArray("notify_agencies")), rs.getObject("review_due", LocalDate.class),
                instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("last_occurred_at")),
                rs.getLong("raised_sequence"), rs.getLong("last_sequence"));
    }

    private static PreparedStatement withArray(Connection con, String sql, Collection<String> values) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        ps.setArray(1, con.createArrayOf("text", values.toArray()));
        return ps;
    }



}
