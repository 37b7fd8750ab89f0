package org.safeguarding.exchange.connect.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.safeguarding.exchange.connect.Version;

/**
 * Delivers one agency's inbox ({@code agency.<code>.inbox}) to the agency's HTTPS endpoint, for agencies that do not run
 * a Kafka client: one signed POST per message, in order per case, each outcome confirmed (connectors/README.md).
 */
public class InboxWebhookSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new InboxWebhookConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return InboxWebhookSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return InboxWebhookConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }
}
