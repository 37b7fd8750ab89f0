package org.safeguarding.exchange.service.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.Agency.AgencyKind;
import org.safeguarding.exchange.service.testing.TestKafka;

/** {@code ./exchange kafka-acls}: the directory's ACLs printed for an operator, and applied with --apply. */
class KafkaAclsCommandTest {

    private static final Agency NEWCOMER = new Agency("ACLS-NEWCOMER", "An agency the command brings", AgencyKind.OTHER);

    @Test
    void printsTheAclsOfTheConfiguredDirectoryAsKafkaAclsCommands() {
        Run run = run("--exchange.embedded.data-dir=target/kafka-acls-unused");

        assertThat(run.status).isZero();
        List<String> commands = run.output.lines().filter(line -> line.startsWith("kafka-acls.sh ")).toList();
        // application.yml's ten agencies: 23 bindings for the service and one more per agency (its inbox), 9 per agency.
        assertThat(commands).hasSize(23 + 10 * (1 + 9))
                .contains("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add"
                        + " --allow-principal User:la-hull --operation Read --topic agency.LA-HULL.inbox")
                .contains("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add"
                        + " --allow-principal User:sch-oakfield --operation Read --group agency.SCH-OAKFIELD."
                        + " --resource-pattern-type prefixed");
        assertThat(run.output).doesNotContain("Applied");
    }

    @Test
    void withApplyTheAclsAreCreatedSigningInAsTheAdministrator() throws Exception {
        List<String> arguments = new ArrayList<>(TestKafka.serviceArguments());
        arguments.addAll(List.of("--apply", "--exchange.directory.agencies[0].code=" + NEWCOMER.code(),
                "--exchange.directory.agencies[0].name=" + NEWCOMER.name(), "--exchange.directory.agencies[0].kind=OTHER"));
        Run run = run(arguments.toArray(String[]::new));

        assertThat(run.status).as(run.output).isZero();
        assertThat(run.output).contains("# Applied " + AclPlan.of(List.of(NEWCOMER), "exchange-service").size() + " ACLs");
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            List<AclBinding> granted = List.copyOf(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                    new AccessControlEntryFilter("User:acls-newcomer", null, AclOperation.ANY, AclPermissionType.ANY)))
                    .values().get(30, TimeUnit.SECONDS));
            assertThat(granted).containsExactlyInAnyOrderElementsOf(AclPlan.of(List.of(NEWCOMER), "exchange-service").stream()
                    .filter(binding -> binding.entry().principal().equals("User:acls-newcomer")).toList());
        }
    }

    @Test
    void applyingWithoutAdministratorSettingsSaysWhatIsMissing() {
        Run run = run("--apply", "--spring.kafka.bootstrap-servers=localhost:1");

        assertThat(run.status).isEqualTo(2);
        assertThat(run.output).contains("exchange.access.admin.*");
    }

    private static Run run(String... arguments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = KafkaAclsCommand.run(arguments, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String output) {
    }
}
