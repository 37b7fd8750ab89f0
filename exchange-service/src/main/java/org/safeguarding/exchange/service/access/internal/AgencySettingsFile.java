package org.safeguarding.exchange.service.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguarding.exchange.service.files.OwnerOnlyFiles;

/**
 * One agency's client settings file, {@code <data-dir>/agencies/<CODE>.properties}: every entry an agency's Kafka
 * producer, consumer and schema-registry serde need, under Kafka's and Confluent's own keys, so that the file can be
 * handed to {@code AgencyClient.fromSettingsFile} or to any Kafka tool ({@code --command-config}). Readable by its owner
 * only: it holds the agency's password and signing key.
 */
public final class AgencySettingsFile {

    private AgencySettingsFile() {
    }

    /** Where the agency connects, as whom, and where its serde finds the schema registry (in the order written). */
    public static Map<String, String> entries(Connection connection, String user, String password) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("bootstrap.servers", connection.bootstrapServers());
        entries.put("security.protocol", connection.securityProtocol());
        entries.put("sasl.mechanism", "SCRAM-SHA-512");
        entries.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        entries.put("schema.registry.url", connection.registryUrl());
        entries.put("basic.auth.credentials.source", "USER_INFO");
        entries.put("basic.auth.user.info", user + ":" + password);
        return entries;
    }

    /** Writes the entries to a new owner-only file and moves it into place, so that nobody else ever reads them. */
    public static void write(Path file, String agencyCode, Map<String, String> entries) {
        try {
            OwnerOnlyFiles.ownerOnlyFolder(file.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder()
                    .append("# Kafka and schema registry client settings of agency ").append(agencyCode)
                    .append(" on the exchange, written at every start.\n")
                    .append("# Secret: it holds the agency's password and signing key. Any Kafka client takes it as it is.\n");
            entries.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
            OwnerOnlyFiles.write(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the client settings of agency " + agencyCode + " to " + file, e);
        }
    }

    /** Where an agency connects: the same broker and protocol as the service, and the registry it serves. */
    public record Connection(String bootstrapServers, String securityProtocol, String registryUrl) {
    }
}
