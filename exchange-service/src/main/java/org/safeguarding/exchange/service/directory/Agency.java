package org.safeguarding.exchange.service.directory;

/** A partner agency on the exchange. */
public record Agency(String code, String name, AgencyKind kind) {

    public String inboxTopic() {
        return "agency." + code + ".inbox";
    }

    public String receiptsTopic() {
        return "agency." + code + ".receipts";
    }

    public enum AgencyKind { LOCAL_AUTHORITY, HEALTH, POLICE, EDUCATION, CHARITY, PROBATION, OTHER }
}
