package org.safeguarding.exchange.connect.filedrop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.connect.Version;
import org.safeguarding.exchange.json.ContractJson;
import org.safeguarding.exchange.registry.client.RegistryUnreachableException;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the input folder in name order, one message per file: converts it to Avro with the registry, signs it as the
 * agency and hands it to the worker with the contract's headers. A file moves to the done folder once Kafka has its
 * message ({@link #commitRecord}); one that is not a contract message moves to the failed folder with a note of why.
 * A file still in the input folder whose name and content the worker's offsets already hold was sent before a crash:
 * it moves to done without being sent again.
 */
public class FileDropSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropSourceTask.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileDropConfig config;
    private ExchangeAvroSerializer serializer;
    private SigningKey signingKey;
    private String folderKey;
    /** Files handed to the worker and not yet acknowledged by Kafka: not read again meanwhile. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new FileDropConfig(props);
        signingKey = config.signingKey();
        Map<String, Object> serde = new HashMap<>(config.agencySettings());
        serde.putIfAbsent(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        serde.putIfAbsent(ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
        serializer = new ExchangeAvroSerializer();
        serializer.configure(serde, false);
        try {
            Files.createDirectories(config.input());
            Files.createDirectories(config.done());
            Files.createDirectories(config.failed());
        } catch (IOException e) {
            throw new ConnectException("Cannot create the folders: " + e.getMessage(), e);
        }
        folderKey = config.input().toAbsolutePath().normalize().toString();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (Path file : waitingFiles()) {
            if (records.size() >= config.getInt(FileDropConfig.BATCH_SIZE)) {
                break;
            }
            DroppedFile dropped;
            try {
                dropped = new DroppedFile(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                LOG.warn("Cannot read {} yet: {}", file, e.getMessage());
                continue;
            }
            if (dropped.isRecordedIn(context.offsetStorageReader().offset(dropped.sourcePartition(folderKey)))) {
                LOG.info("{} was sent already (the offsets hold its name and content): moved to done, not sent again", dropped.name());
                moveTo(config.done(), dropped);
                continue;
            }
            try {
                records.add(record(dropped));
                inFlight.add(dropped.name());
            } catch (RegistryUnreachableException e) {
                LOG.warn("The schema registry cannot be reached; {} waits: {}", dropped.name(), e.getMessage());
                break;
            } catch (RuntimeException e) {
                fail(dropped, e.getMessage());
            }
        }
        if (records.isEmpty()) {
            Thread.sleep(config.getLong(FileDropConfig.POLL_INTERVAL_MS));
            return null;
        }
        return records;
    }

    private List<Path> waitingFiles() {
        try (Stream<Path> files = Files.list(config.input())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .filter(f -> !inFlight.contains(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConnectException("Cannot list " + config.input() + ": " + e.getMessage(), e);
        }
    }

    private SourceRecord record(DroppedFile dropped) {
        JsonNode tree;
        try {
            tree = JSON.readTree(new String(dropped.content(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<String> fields = new ArrayList<>();
        tree.fieldNames().forEachRemaining(fields::add);
        DroppedFile.Intake intake = DroppedFile.intakeFor(fields);
        if (intake == null) {
            throw new IllegalArgumentException("not an intake message: it has none of hazardId, decisionId, consentId, requestId");
        }
        GenericRecord message = ContractJson.read(tree.toString(), intake.schema());
        byte[] value = serializer.serialize(intake.topic(), message);
        String messageId = dropped.messageId(config.agencyCode());
        long sentAt = System.currentTimeMillis();
        byte[] signature = MessageSignature.sign(signingKey.privateKey(),
                MessageSignature.signedBytesOfValue(messageId, config.agencyCode(), sentAt, value));
        ConnectHeaders headers = new ConnectHeaders();
        headers.addBytes(AgencyClient.MESSAGE_ID, utf8(messageId));
        headers.addBytes(AgencyClient.SENDER, utf8(config.agencyCode()));
        headers.addBytes(MessageSignature.SENT_AT_HEADER, utf8(Long.toString(sentAt)));
        headers.addBytes(MessageSignature.KEY_ID_HEADER, utf8(signingKey.keyId()));
        headers.addBytes(MessageSignature.SIGNATURE_HEADER, utf8(MessageSignature.encode(signature)));
        String caseReference = message.get("caseReference").toString();
        return new SourceRecord(dropped.sourcePartition(folderKey), dropped.sourceOffset(), intake.topic(), null,
                Schema.STRING_SCHEMA, caseReference, Schema.BYTES_SCHEMA, value, null, headers);
    }

    /** Kafka has the file's message: the file is done. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        String name = (String) record.sourcePartition().get("file");
        Path file = config.input().resolve(name);
        try {
            if (Files.exists(file)) {
                moveTo(config.done(), new DroppedFile(name, Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot move " + file + " to " + config.done() + ": " + e.getMessage(), e);
        } finally {
            inFlight.remove(name);
        }
    }

    private void fail(DroppedFile dropped, String why) {
        LOG.warn("{} is not a contract message: {}", dropped.name(), why);
        Path moved = moveTo(config.failed(), dropped);
        try {
            Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), why + System.lineSeparator(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a file, keeping an earlier file of the same name there by adding the start of the new one's hash. */
    private Path moveTo(Path folder, DroppedFile dropped) {
        Path target = folder.resolve(dropped.name());
        if (Files.exists(target)) {
            target = folder.resolve(dropped.name().replaceFirst("\\.json$", "") + "." + dropped.sha256().substring(0, 12) + ".json");
        }
        Path source = config.input().resolve(dropped.name());
        try {
            try {
                return Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Another file system: copied, then removed.
                return Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot move " + dropped.name() + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        if (serializer != null) {
            serializer.close();
        }
    }
}
