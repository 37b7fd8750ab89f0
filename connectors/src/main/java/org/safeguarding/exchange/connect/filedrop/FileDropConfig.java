package org.safeguarding.exchange.connect.filedrop;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * The file-drop intake's settings. The agency's signing key and registry settings come from its settings file
 * ({@value #SETTINGS_FILE}, as the exchange writes it for each agency) or are given here under the same keys; a key
 * given here wins. How the worker's producer signs in to Kafka as the agency is the connector's producer.override.*
 * (connectors/README.md).
 */
public class FileDropConfig extends AbstractConfig {

    public static final String AGENCY_CODE = "agency.code";
    public static final String SETTINGS_FILE = "agency.settings.file";
    public static final String INPUT_FOLDER = "input.folder";
    public static final String DONE_FOLDER = "done.folder";
    public static final String FAILED_FOLDER = "failed.folder";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String BATCH_SIZE = "batch.size";

    private static final String AGENCY_CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,31}";

    public static final ConfigDef CONFIG_DEF = new ConfigDef(SchemaRegistryClients.CONFIG_DEF)
            .define(AGENCY_CODE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                if (value == null || !value.toString().matches(AGENCY_CODE_PATTERN)) {
                    throw new ConfigException(name, value, "an agency code matches " + AGENCY_CODE_PATTERN);
                }
            }, Importance.HIGH, "The agency the files come from: the exchange-sender of every message, and whose key signs it.")
            .define(SETTINGS_FILE, Type.STRING, null, Importance.HIGH,
                    "The agency's settings file (Java properties, e.g. <data-dir>/agencies/<CODE>.properties): its signing "
                            + "key (" + SigningKey.KEY_ID + ", " + SigningKey.PRIVATE_KEY + ") and registry settings are used "
                            + "unless given here.")
            .define(SigningKey.KEY_ID, Type.STRING, null, Importance.HIGH, "The id of the agency's signing key, as the directory lists it.")
            .define(SigningKey.PRIVATE_KEY, Type.PASSWORD, null, Importance.HIGH,
                    "The agency's Ed25519 private key, base64 PKCS#8 DER: every message is signed with it.")
            .define(INPUT_FOLDER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Where the partner drops its files: one message per file, named *.json, in the contract's JSON form. "
                            + "Write a file under another name and rename it when complete: a *.json file is read as it is.")
            .define(DONE_FOLDER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Where a file goes once Kafka has its message.")
            .define(FAILED_FOLDER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "Where a file that is not a contract message goes, with <name>.reason.txt saying why.")
            .define(POLL_INTERVAL_MS, Type.LONG, 1_000L, Range.atLeast(10), Importance.LOW,
                    "How often the input folder is looked at when it was empty.")
            .define(BATCH_SIZE, Type.INT, 100, Range.atLeast(1), Importance.LOW, "At most this many files per poll.");

    private final Map<String, Object> agencySettings;

    public FileDropConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
        Map<String, Object> settings = new HashMap<>();
        String file = getString(SETTINGS_FILE);
        if (file != null) {
            try {
                settings.putAll(AgencyClient.settings(Path.of(file)));
            } catch (RuntimeException e) {
                throw new ConfigException(SETTINGS_FILE, file, e.getMessage());
            }
        }
        originals().forEach((key, value) -> {
            if (value != null) {
                settings.put(key, value instanceof Password p ? p.value() : value);
            }
        });
        this.agencySettings = settings;
        if (signingKey() == null) {
            throw new ConfigException(SigningKey.PRIVATE_KEY, null, "the agency's signing key is needed (here or in "
                    + SETTINGS_FILE + "): the exchange refuses unsigned messages");
        }
    }

    public String agencyCode() {
        return getString(AGENCY_CODE);
    }

    /** The settings file's entries overlaid with this connector's own: what the registry client and signing read. */
    public Map<String, Object> agencySettings() {
        return agencySettings;
    }

    public SigningKey signingKey() {
        try {
            return SigningKey.fromConfig(agencySettings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SigningKey.PRIVATE_KEY, "[hidden]", e.getMessage());
        }
    }

    public Path input() {
        return Path.of(getString(INPUT_FOLDER));
    }

    public Path done() {
        return Path.of(getString(DONE_FOLDER));
    }

    public Path failed() {
        return Path.of(getString(FAILED_FOLDER));
    }
}
