package org.safeguarding.exchange.service.register;

/** The register's answer for one message: the entry that stands for it and how it got there. */
public record Recorded(NewEntry message, RegisterEntry entry, Disposition disposition) {
}
