package org.safeguarding.exchange.service.hazards;

import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one hazard stands after its accepted actions (Derby section 4): attached to the person presenting it,
 * signposted from each linked child, active until withdrawn. Each action restates the hazard's details, so the
 * newest action's details stand; who raised it and when stay those of the RAISED.
 *
 * @param lastSequence the register sequence of the last action applied
 */
public record HazardState(String hazardId, HazardStatus status, HazardAction lastAction, String category,
        String caseReference, String personReference, List<String> linkedChildren, String raisingAgency,
        List<String> notifyAgencies, LocalDate reviewDue, Instant raisedAt, Instant lastOccurredAt,
        long raisedSequence, long lastSequence) {

    public HazardState {
        linkedChildren = List.copyOf(linkedChildren);
        notifyAgencies = List.copyOf(notifyAgencies);
    }

    /** The state after an accepted action recorded at {@code sequence}; {@code before} is null for a new hazard. */
    static HazardState after(HazardState before, HazardNotification action, long sequence) {
        boolean isNew = before == null;
        return new HazardState(action.getHazardId(),
                action.getAction() == HazardAction.WITHDRAWN ? HazardStatus.WITHDRAWN : HazardStatus.ACTIVE,
                action.getAction(), action.getCategory().name(), action.getCaseReference(), action.getPersonReference(),
                action.getLinkedChildren(), isNew ? action.getRaisingAgency() : before.raisingAgency(),
                action.getNotifyAgencies(), action.getReviewDue(), isNew ? action.getOccurredAt() : before.raisedAt(),
                action.getOccurredAt(), isNew ? sequence : before.raisedSequence(), sequence);
    }

    public boolean active() {
        return status == HazardStatus.ACTIVE;
    }
}
