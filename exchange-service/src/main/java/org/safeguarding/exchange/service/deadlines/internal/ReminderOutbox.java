package org.safeguarding.exchange.service.deadlines.internal;

import exchange.v1.Reminder;
import exchange.v1.ReminderKind;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safeguarding.exchange.service.delivery.InboxPosition;
import org.safeguarding.exchange.service.delivery.ReminderDeliveries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each reminder decided once and delivered once, however many instances run the rules.
 * <p>
 * <b>Deciding.</b> Every instance runs the rules and inserts what they call for into {@code lifecycle_reminder}
 * with {@code ON CONFLICT (kind, subject_key, due_date) DO NOTHING}: the insert is the decision to send, so only one
 * decision per reminder ever commits, and a crash before the commit leaves nothing decided (the next run decides it).
 * <p>
 * <b>Sending</b> (a transactional outbox). An instance locks undelivered rows {@code FOR UPDATE SKIP LOCKED}, so no
 * two instances hold the same reminder; writes each reminder's inbox partition and current end offset to
 * {@code lifecycle_reminder_attempt} and commits that on its own; sends the reminders in one Kafka transaction;
 * then marks them published and commits. A crash before the Kafka commit leaves no reminder visible to
 * read_committed readers and the row unpublished: it is sent later. The one uncertain case is a crash (or failed
 * database commit) after the Kafka commit and before the database commit: the reminder is in the inbox but the row
 * says unpublished. So before sending a row that has an attempt, the sender reads the inbox from the attempt's offset
 * as a read_committed reader and sends only if the reminder is not there; while a transaction of the crashed sender is
 * still open (until it is fenced or times out) it cannot tell yet and leaves the row for a later run. Nothing is
 * lost, nothing is written twice, and no reader has to de-duplicate (they still may, by exchange-message-id).
 */
@Component
public class ReminderOutbox {

    private static final Duration IN_DOUBT_WAIT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final ReminderDeliveries deliveries;
    private final TransactionTemplate separately;
    private final String instanceId;
    private final Clock clock;

    ReminderOutbox(JdbcTemplate jdbc, ReminderDeliveries deliveries, PlatformTransactionManager transactions,
            @Value("${exchange.instance-id}") String instanceId, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deliveries = deliveries;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.instanceId = instanceId;
    }

    /** Records the reminders not decided before; returns how many were decided now. */
    @Transactional
    public int decide(List<PlannedReminder> planned, Instant now) {
        Timestamp sentAt = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
        int decided = 0;
        for (PlannedReminder reminder : planned) {
            decided += jdbc.update("""
                    insert into lifecycle_reminder (reminder_id, kind, subject_key, subject_reference, due_date, case_reference,
                                                    agency, due_at, sent_at, message, decided_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (kind, subject_key, due_date) do nothing
                    """, UUID.randomUUID(), reminder.kind().name(), reminder.subjectKey(), reminder.subjectReference(),
                    Date.valueOf(reminder.dueDate()), reminder.caseReference(), reminder.agency(),
                    Timestamp.from(reminder.dueAt().truncatedTo(ChronoUnit.MILLIS)), sentAt, reminder.message(), instanceId);
        }
        return decided;
    }

    /** Delivers decided reminders not yet in their inboxes; returns how many were written now. */
    @Transactional
    public int publishPending(int limit) {
        List<Reminder> pending = jdbc.query("""
                select reminder_id, kind, case_reference, subject_reference, agency, due_at, sent_at, message
                  from lifecycle_reminder where published_at is null order by sent_at, reminder_id limit ?
                   for update skip locked
                """, (rs, i) -> Reminder.newBuilder()
                .setReminderId(rs.getString("reminder_id"))
                .setKind(ReminderKind.valueOf(rs.getString("kind")))
                .setCaseReference(rs.getString("case_reference"))
                .setSubjectReference(rs.getString("subject_reference"))
                .setAgency(rs.getString("agency"))
                .setDueAt(rs.getTimestamp("due_at").toInstant())
                .setSentAt(rs.getTimestamp("sent_at").toInstant())
                .setMessage(rs.getString("message"))
                .build(), limit);
        List<Reminder> toSend = new ArrayList<>();
        List<String> alreadyThere = new ArrayList<>();
        for (Reminder reminder : pending) {
            Optional<InboxPosition> attempt = lastAttempt(reminder.getReminderId());
            if (attempt.isEmpty()) {
                toSend.add(reminder);
                continue;
            }
            Optional<Boolean> inInbox = deliveries.inboxHolds(attempt.get(), reminder.getReminderId(), IN_DOUBT_WAIT);
            if (inInbox.isEmpty()) {
                continue; // an earlier sender's transaction is still open: decide on a later run
            }
            if (inInbox.get()) {
                alreadyThere.add(reminder.getReminderId());
            } else {
                toSend.add(reminder);
            }
        }
        markPublished(alreadyThere);
        if (toSend.isEmpty()) {
            return 0;
        }
        List<InboxPosition> positions = toSend.stream().map(deliveries::positionBefore).toList();
        separately.executeWithoutResult(status -> recordAttempts(toSend, positions));
        deliveries.sendAll(toSend);
        markPublished(toSend.stream().map(Reminder::getReminderId).toList());
        return toSend.size();
    }

    private Optional<InboxPosition> lastAttempt(String reminderId) {
        return jdbc.query("""
                select topic, topic_partition, from_offset from lifecycle_reminder_attempt
                 where reminder_id = ? order by attempt_id desc limit 1
                """, (rs, i) -> new InboxPosition(rs.getString("topic"), rs.getInt("topic_partition"), rs.getLong("from_offset")),
                UUID.fromString(reminderId)).stream().findFirst();
    }

    private void recordAttempts(List<Reminder> reminders, List<InboxPosition> positions) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < reminders.size(); i++) {
            InboxPosition position = positions.get(i);
            jdbc.update("""
                    insert into lifecycle_reminder_attempt (reminder_id, topic, topic_partition, from_offset, attempted_at, attempted_by)
                    values (?, ?, ?, ?, ?, ?)
                    """, UUID.fromString(reminders.get(i).getReminderId()), position.topic(), position.partition(), position.offset(),
                    now, instanceId);
        }
    }

    private void markPublished(List<String> reminderIds) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String id : reminderIds) {
            jdbc.update("update lifecycle_reminder set published_at = ? where reminder_id = ?", now, UUID.fromString(id));
        }
    }
}
