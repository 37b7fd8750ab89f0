package org.safeguarding.exchange.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin folder, as a worker's plugin.path finds it: the worker's own plugin scanner, with discovery by
 * ServiceLoader manifests only, sees each connector and the converter in the folder, each in its isolated class loader.
 */
class PluginFolderIT {

    private static final Path PLUGIN_PATH = Path.of("target/plugin");

    @Test
    void theWorkerFindsEveryPluginInTheFolder() {
        assertThat(PLUGIN_PATH.resolve("exchange-connectors")).isDirectory();
        Plugins plugins = new Plugins(Map.of("plugin.path", PLUGIN_PATH.toAbsolutePath().toString(), "plugin.discovery", "service_load"));

        assertThat(fromFolder(plugins.sinkConnectors())).containsExactly("org.safeguarding.exchange.connect.webhook.InboxWebhookSinkConnector");
        assertThat(fromFolder(plugins.sourceConnectors())).containsExactly("org.safeguarding.exchange.connect.filedrop.FileDropSourceConnector");
        assertThat(fromFolder(plugins.converters())).containsExactly("org.safeguarding.exchange.connect.converter.ExchangeAvroConverter");
        assertThat(plugins.sinkConnectors().stream().filter(p -> p.location().contains("exchange-connectors")).findFirst().orElseThrow()
                .version()).isNotEqualTo("unknown");
    }

    @Test
    void theFolderHoldsNoJarTheWorkerBringsItself() throws Exception {
        try (var jars = Files.list(PLUGIN_PATH.resolve("exchange-connectors"))) {
            assertThat(jars.map(j -> j.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("kafka-") || name.startsWith("connect-") || name.startsWith("slf4j"));
        }
    }

    private static <T> Set<String> fromFolder(Set<PluginDesc<T>> found) {
        return found.stream().filter(p -> p.location().contains("exchange-connectors")).map(PluginDesc::className)
                .collect(Collectors.toSet());
    }
}
