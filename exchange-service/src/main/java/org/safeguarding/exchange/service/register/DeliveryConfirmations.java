package org.safeguarding.exchange.service.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery confirmations kept beside the entries they confirm: each names the entry of the message delivered, found by
 * the message's proven sender and id (the register's key). The only code that touches {@code register_delivery}.
 */
@Service
public class DeliveryConfirmations {

    private static final String COLUMNS = "confirmation_id, message_id, sender, recipient_agency, entry_sequence, outcome, "
            + "http_status, reason, endpoint, attempts, confirmed_at, recorded_at, payload";

    private final JdbcTemplate jdbc;

    DeliveryConfirmations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records each confirmation not yet recorded (a confirmation written again after a connector restart keeps its id)
     * with the sequence of the entry it confirms; {@code entrySequence} of the argument is not read.
     */
    @Transactional
    public void record(List<ConfirmedDelivery> confirmations) {
        for (ConfirmedDelivery c : confirmations) {
            jdbc.update("insert into register_delivery (" + COLUMNS + ") values (?, ?, ?, ?, "
                            + "(select sequence from register_entry where proven_sender = ? and message_id = ? order by sequence limit 1), "
                            + "?, ?, ?, ?, ?, ?, ?, ?) on conflict (confirmation_id) do nothing",
                    c.confirmationId(), c.messageId(), c.sender(), c.recipientAgency(), c.sender(), c.messageId(),
                    c.delivered() ? "DELIVERED" : "FAILED", c.httpStatus(), c.reason(), c.endpoint(), c.attempts(),
                    Timestamp.from(c.confirmedAt()), Timestamp.from(c.recordedAt()), c.payload());
        }
    }

    /** The confirmations of the message of an entry, oldest first. */
    @Transactional(readOnly = true)
    public List<ConfirmedDelivery> ofEntry(long sequence) {
        return jdbc.query("select " + COLUMNS + " from register_delivery where entry_sequence = ? order by confirmed_at, confirmation_id",
                DeliveryConfirmations::row, sequence);
    }

    /** The confirmations of a message, oldest first. */
    @Transactional(readOnly = true)
    public List<ConfirmedDelivery> ofMessage(String sender, String messageId) {
        return jdbc.query("select " + COLUMNS + " from register_delivery where sender = ? and message_id = ? order by confirmed_at, confirmation_id",
                DeliveryConfirmations::row, sender, messageId);
    }

    private static ConfirmedDelivery row(ResultSet rs, int rowNum) throws SQLException {
        return new ConfirmedDelivery(rs.getString("confirmation_id"), rs.getString("message_id"), rs.getString("sender"),
                rs.getString("recipient_agency"), (Long) rs.getObject("entry_sequence"), "DELIVERED".equals(rs.getString("outcome")),
                (Integer) rs.getObject("http_status"), rs.getString("reason"), rs.getString("endpoint"), rs.getInt("attempts"),
                rs.getTimestamp("confirmed_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(), rs.getBytes("payload"));
    }
}
