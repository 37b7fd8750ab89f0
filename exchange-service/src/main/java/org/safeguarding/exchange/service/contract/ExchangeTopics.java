package org.safeguarding.exchange.service.contract;

/** Topics the service writes for every reader, beside each agency's inbox and receipts (CONTRACT.md, Topics). */
public final class ExchangeTopics {

    /** One {@code RegisterCheckpoint} per signed checkpoint. */
    public static final String REGISTER_CHECKPOINTS = "exchange.register-checkpoints";

    /** One {@code DeliveryConfirmation} per inbox message an agency's HTTPS endpoint took or refused (connectors/). */
    public static final String DELIVERY_CONFIRMATIONS = "exchange.delivery-confirmations";

    private ExchangeTopics() {
    }
}
