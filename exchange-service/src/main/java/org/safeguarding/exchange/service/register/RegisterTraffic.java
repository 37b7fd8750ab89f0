package org.safeguarding.exchange.service.register;

import static org.safeguarding.exchange.service.sql.SqlValues.instant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * How many messages the register took, by minute, intake topic, sender and outcome, and which rules rejected them most:
 * counts only, naming no case and no person, for the hub's live figures. Read from the register (not from one
 * instance's metrics) so that every instance's traffic is counted once.
 */
@Service
public class RegisterTraffic {

    /** The messages of one minute from one sender on one intake topic with one outcome. */
    public record Count(Instant minute, String topic, String sender, String outcome, long messages) {
    }

    /** How many messages one rule rejected. */
    public record RuleCount(String rule, long messages) {
    }

    private final JdbcTemplate jdbc;

    RegisterTraffic(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of the messages read from {@code topics} since {@code since}; the sender is the proven one, else the one claimed. */
    public List<Count> since(Instant since, List<String> topics) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("""
                select date_trunc('minute', received_at) as minute, source_topic,
                       coalesce(proven_sender, sending_agency, sender, '(none)') as sender, outcome, count(*) as messages
                  from register_entry where received_at >= ? and source_topic = any(?)
                 group by 1, 2, 3, 4 order by 1, 2, 3, 4""");
            ps.setObject(1, since.atOffset(ZoneOffset.UTC));
            ps.setArray(2, con.createArrayOf("text", topics.toArray()));
            return ps;
        }, (rs, i) -> new Count(instant(rs.getTimestamp("minute")), rs.getString("source_topic"), rs.getString("sender"),
                rs.getString("outcome"), rs.getLong("messages")));
    }

    /** The rules that rejected most messages received since {@code since}, most first, each counted once per message. */
    public List<RuleCount> rejectionRules(Instant since, int limit) {
        return jdbc.query("""
                select rule, count(*) as messages from (
                    select distinct e.sequence, v ->> 'rule' as rule
                      from register_entry e cross join lateral jsonb_array_elements(e.violations) v
                     where e.received_at >= ? and e.outcome <> 'ACCEPTED') rejected
                 where rule is not null group by rule order by messages desc, rule limit ?""",
                (rs, i) -> new RuleCount(rs.getString("rule"), rs.getLong("messages")), since.atOffset(ZoneOffset.UTC), limit);
    }
}
