package org.safeguarding.exchange.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.runtime.isolation.PluginDesc;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.FakeSchemaRegistryServer;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.testing.SampleRecords;

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

    /** The folder is enough: the converter, loaded in isolation from it, reads and writes the exchange's bytes. */
    @Test
    void theConverterWorksFromItsOwnClassLoader() throws Exception {
        Plugins plugins = new Plugins(Map.of("plugin.path", PLUGIN_PATH.toAbsolutePath().toString(), "plugin.discovery", "service_load"));
        PluginDesc<Converter> desc = plugins.converters().stream().filter(p -> p.location().contains("exchange-connectors"))
                .findFirst().orElseThrow();
        assertThat(desc.pluginClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
        try (FakeSchemaRegistryServer registry = FakeSchemaRegistryServer.start()) {
            Map<String, Object> settings = Map.of("schema.registry.url", registry.url(),
                    "value.subject.name.strategy", "TopicRecordNameStrategy");
            ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
            serializer.configure(settings, false);
            byte[] bytes = serializer.serialize("exchange.share-requests", SampleRecords.shareRequest());
            Converter isolated = desc.pluginClass().getDeclaredConstructor().newInstance();
            isolated.configure(settings, false);

            SchemaAndValue read = isolated.toConnectData("exchange.share-requests", bytes);

            assertThat(((Struct) read.value()).getString("caseReference")).isEqualTo(SampleRecords.CASE_REFERENCE);
            assertThat(isolated.fromConnectData("exchange.share-requests", read.schema(), read.value())).isEqualTo(bytes);
        }
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
