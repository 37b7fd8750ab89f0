package org.safeguarding.exchange.service.delivery.internal;

import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.Violation;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.RegisterFlags;

/** The receipt that answers a message, derived from its register entry alone, so it can be sent again at any time. */
public final class ReceiptFactory {

    private ReceiptFactory() {
    }

    public static Receipt receiptFor(String messageId, RegisterEntry entry, boolean duplicate) {
        List<String> flags = new ArrayList<>(entry.message().flags().stream().sorted().toList());
        if (duplicate) {
            flags.add(RegisterFlags.DUPLICATE);
        }
        return Receipt.newBuilder()
                .setMessageId(messageId)
                .setStatus(entry.message().outcome() == EntryOutcome.ACCEPTED ? ReceiptStatus.ACCEPTED : ReceiptStatus.REJECTED)
                .setViolations(entry.message().violations().stream()
                        .map(v -> Violation.newBuilder().setField(v.field()).setRule(v.rule()).setMessage(v.message()).build())
                        .toList())
                .setRegisterSequence(entry.sequence())
                .setEntryHash(HexFormat.of().formatHex(entry.entryHash()))
                .setFlags(flags)
                .build();
    }
}
