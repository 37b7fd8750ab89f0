package org.safeguarding.exchange.service.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.embedded.EmbeddedKafka;
import org.safeguarding.exchange.service.access.AclPlan;
import org.safeguarding.exchange.service.access.KafkaAclsCommand;
import org.safeguarding.exchange.service.directory.Agency;
import org.yaml.snakeyaml.Yaml;

/**
 * The production stack in docker/, checked where no Docker engine runs: the compose file is valid as Compose reads it,
 * and the init job's ACL tool applies the directory's ACLs to a broker secured exactly as the stack's brokers are,
 * its settings read from the compose file and the example .env, so that the two cannot drift apart. Only addresses
 * and replication (one node here, three there) are this test's own.
 */
class ProductionStackTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    private static final Path ENV = DOCKER.resolve(".env.example");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::\\?[^}]*)?}");
    @Test
    void theComposeFileIsValidAsComposeReadsIt() throws Exception {
        assumeDockerCompose();
        Compose config = dockerCompose(ENV);

        assertThat(config.status()).as(config.output()).isZero();
    }

    /** No password has a default: without the .env file nothing starts. */
    @Test
    void theComposeFileRefusesToStartWithoutItsSecrets() throws Exception {
        assumeDockerCompose();
        Path empty = Files.createTempFile("empty", ".env");
        Compose config = dockerCompose(empty);

        assertThat(config.status()).isNotZero();
        assertThat(config.output()).contains("KAFKA_CLUSTER_ID");
    }

    private static void assumeDockerCompose() {
        Assumptions.assumeTrue(onPath("docker-compose"),
                "docker-compose is not installed here (apt-get install docker-compose): the compose file was not validated");
    }

    private record Compose(int status, String output) {
    }

    private static Compose dockerCompose(Path envFile) throws Exception {
        Process process = new ProcessBuilder("docker-compose", "--env-file", envFile.toString(), "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Compose(process.exitValue(), output);
    }

    @Test
    void theStacksBrokersTakeSaslOnEveryListenerAndAllowNothingTheAclsDoNotSay() throws Exception {
        Map<String, String> broker = brokerSettings();

        assertThat(broker.get("listener.security.protocol.map").split(",")).allSatisfy(l -> assertThat(l).endsWith(":SASL_PLAINTEXT"));
        assertThat(broker.get("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(broker).containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("super.users", "User:admin").containsEntry("allow.everyone.if.no.acl.found", "false");
        assertThat(broker.toString()).doesNotContain("ANONYMOUS");
    }

    @Test
    void theInitJobsAclToolAppliesTheDirectorysAclsToABrokerSecuredAsTheStacksAre() throws Exception {
        Map<String, String> env = env();
        Map<String, Object> server = new HashMap<>(brokerSettings());
        int client = freePort();
        int controller = freePort();
        int host = freePort();
        server.put("node.id", "1");
        server.put("controller.quorum.voters", "1@localhost:" + controller);
        server.put("listeners", "CLIENT://localhost:" + client + ",CONTROLLER://localhost:" + controller + ",HOST://localhost:" + host);
        server.put("advertised.listeners", "CLIENT://localhost:" + client + ",HOST://localhost:" + host);
        for (String replication : List.of("default.replication.factor", "min.insync.replicas", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor", "transaction.state.log.min.isr")) {
            server.put(replication, "1");
        }
        String bootstrap = "localhost:" + client;

        try (AutoCloseable kafka = EmbeddedKafka.startConfigured(Files.createTempDirectory("stack-kafka"), server);
             Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_PLAINTEXT",
                     "sasl.mechanism", "PLAIN", "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                             + " username=\"admin\" password=\"" + env.get("KAFKA_ADMIN_PASSWORD") + "\";"))) {
            // What the kafka-users job does with kafka-configs.sh.
            admin.alterUserScramCredentials(List.of(
                    scram("exchange-service", env.get("KAFKA_EXCHANGE_PASSWORD")), scram("la-hull", "change-me"))).all().get(30, TimeUnit.SECONDS);
            admin.createTopics(List.of(new NewTopic("agency.LA-HULL.inbox", 1, (short) 1), new NewTopic("agency.POL-HUMBERSIDE.inbox", 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);

            List<String> arguments = new ArrayList<>();
            for (String argument : aclJobArguments()) {
                arguments.add(argument.startsWith("--spring.kafka.bootstrap-servers=") ? "--spring.kafka.bootstrap-servers=" + bootstrap : argument);
            }
            // The job's mounted configuration, with the directory the stack runs.
            arguments.add("--spring.config.additional-location=file:" + DOCKER.resolve("config/exchange.yml").toAbsolutePath());
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = KafkaAclsCommand.run(arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));

            List<Agency> directory = stackDirectory();
            int planned = AclPlan.of(directory, "exchange-service").size();
            assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("# Applied " + planned + " ACLs");
            assertThat(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY, AccessControlEntryFilter.ANY)).values()
                    .get(30, TimeUnit.SECONDS)).hasSize(planned);

            try (Admin agency = Admin.create(scramClient(bootstrap, "la-hull", "change-me"))) {
                assertThat(agency.describeTopics(List.of("agency.LA-HULL.inbox")).allTopicNames().get(30, TimeUnit.SECONDS)).hasSize(1);
                assertThatThrownBy(() -> agency.describeTopics(List.of("agency.POL-HUMBERSIDE.inbox")).allTopicNames().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    private static UserScramCredentialUpsertion scram(String user, String password) {
        return new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password);
    }

    private static Map<String, Object> scramClient(String bootstrap, String user, String password) {
        return Map.of("bootstrap.servers", bootstrap, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    /** kafka1's server settings as the apache/kafka image makes them of its KAFKA_ variables, .env.example's values in. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> brokerSettings() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get("kafka1")).get("environment");
        Map<String, String> env = env();
        Map<String, String> settings = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_")) {
                // The image's convention: ___ is '-', __ is '_', _ is '.'.
                String key = name.substring("KAFKA_".length()).toLowerCase().replace("___", "-").replace("__", "\u0000")
                        .replace('_', '.').replace('\u0000', '_');
                settings.put(key, interpolate(String.valueOf(value), env));
            }
        });
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static List<String> aclJobArguments() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, String> env = env();
        return ((List<Object>) ((Map<String, Object>) services.get("kafka-acls")).get("command")).stream()
                .map(argument -> interpolate(String.valueOf(argument), env)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Agency> stackDirectory() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(DOCKER.resolve("config/exchange.yml")));
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) config.get("exchange"))
                .get("directory")).get("agencies");
        return agencies.stream().map(a -> new Agency((String) a.get("code"), (String) a.get("name"),
                Agency.AgencyKind.valueOf((String) a.get("kind")))).toList();
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(COMPOSE));
    }

    private static Map<String, String> env() throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(ENV)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim().replaceAll("^'(.*)'$", "$1"));
            }
        }
        return values;
    }

    private static String interpolate(String value, Map<String, String> env) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement = env.get(variable.group(1));
            assertThat(replacement).as(variable.group(1) + " in .env.example").isNotNull();
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(out).toString();
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
