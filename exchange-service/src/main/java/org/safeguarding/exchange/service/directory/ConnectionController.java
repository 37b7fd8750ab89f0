package org.safeguarding.exchange.service.directory;

import java.util.Map;
import org.safeguarding.exchange.service.registry.RegistryProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Where an agency connects: the Kafka bootstrap servers and the schema registry URL its serializers need. */
@RestController
class ConnectionController {

    private final String bootstrapServers;
    private final String externalRegistryUrl;
    private final String registryBasePath;

    ConnectionController(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${schema.registry.url:}") String externalRegistryUrl,
            RegistryProperties registry) {
        this.bootstrapServers = bootstrapServers;
        this.externalRegistryUrl = externalRegistryUrl;
        this.registryBasePath = registry.basePath();
    }

    @GetMapping("/api/exchange/connection")
    Map<String, String> connection() {
        String registry = externalRegistryUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path(registryBasePath).toUriString()
                : externalRegistryUrl;
        return Map.of("kafkaBootstrapServers", bootstrapServers, "schemaRegistryUrl", registry);
    }
}
