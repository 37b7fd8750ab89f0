package org.safeguarding.exchange.connect.filedrop;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.safeguarding.exchange.connect.Version;

/**
 * Intake for agencies that cannot run a Kafka client but can drop files in a folder: each JSON file becomes one signed
 * message on the intake topic of its record type, sent as the agency (connectors/README.md). One task: a folder has
 * one order.
 */
public class FileDropSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new FileDropConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FileDropSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return FileDropConfig.CONFIG_DEF;
    }

    /** Files are moved when Kafka has their message, not in a transaction with it; the message id makes a resend harmless. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }

    @Override
    public String version() {
        return Version.get();
    }
}
