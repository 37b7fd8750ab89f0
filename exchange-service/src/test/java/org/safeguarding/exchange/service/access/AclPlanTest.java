package org.safeguarding.exchange.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.Agency.AgencyKind;

/** The exact ACLs a small directory gives: what each principal may do, and nothing more. */
class AclPlanTest {

    private static final Agency COUNCIL = new Agency("LA-HULL", "Hull City Council", AgencyKind.LOCAL_AUTHORITY);
    private static final Agency SCHOOL = new Agency("SCH-OAKFIELD", "Oakfield Primary School", AgencyKind.EDUCATION);

    @Test
    void theServiceAndEachAgencyGetExactlyTheirBindings() {
        assertThat(AclPlan.of(List.of(COUNCIL, SCHOOL), "exchange-service").stream().map(AclPlanTest::line)).containsExactly(
                "User:exchange-service READ TOPIC LITERAL exchange.share-requests",
                "User:exchange-service CREATE TOPIC LITERAL exchange.share-requests",
                "User:exchange-service WRITE TOPIC LITERAL exchange.share-requests",
                "User:exchange-service READ TOPIC LITERAL exchange.consent-outcomes",
                "User:exchange-service CREATE TOPIC LITERAL exchange.consent-outcomes",
                "User:exchange-service WRITE TOPIC LITERAL exchange.consent-outcomes",
                "User:exchange-service READ TOPIC LITERAL exchange.share-decisions",
                "User:exchange-service CREATE TOPIC LITERAL exchange.share-decisions",
                "User:exchange-service WRITE TOPIC LITERAL exchange.share-decisions",
                "User:exchange-service READ TOPIC LITERAL exchange.hazard-notifications",
                "User:exchange-service CREATE TOPIC LITERAL exchange.hazard-notifications",
                "User:exchange-service WRITE TOPIC LITERAL exchange.hazard-notifications",
                "User:exchange-service WRITE TOPIC PREFIXED agency.",
                "User:exchange-service CREATE TOPIC PREFIXED agency.",
                "User:exchange-service READ TOPIC LITERAL agency.LA-HULL.inbox",
                "User:exchange-service READ TOPIC LITERAL agency.SCH-OAKFIELD.inbox",
                "User:exchange-service WRITE TOPIC LITERAL exchange.dead-letter",
                "User:exchange-service CREATE TOPIC LITERAL exchange.dead-letter",
                "User:exchange-service WRITE TOPIC LITERAL exchange.register-checkpoints",
                "User:exchange-service CREATE TOPIC LITERAL exchange.register-checkpoints",
                "User:exchange-service READ TOPIC LITERAL exchange.delivery-confirmations",
                "User:exchange-service WRITE TOPIC LITERAL exchange.delivery-confirmations",
                "User:exchange-service CREATE TOPIC LITERAL exchange.delivery-confirmations",
                "User:exchange-service READ GROUP PREFIXED exchange-",
                "User:exchange-service WRITE TRANSACTIONAL_ID PREFIXED exchange-",
                "User:la-hull WRITE TOPIC LITERAL exchange.share-requests",
                "User:la-hull WRITE TOPIC LITERAL exchange.consent-outcomes",
                "User:la-hull WRITE TOPIC LITERAL exchange.share-decisions",
                "User:la-hull WRITE TOPIC LITERAL exchange.hazard-notifications",
                "User:la-hull READ TOPIC LITERAL agency.LA-HULL.inbox",
                "User:la-hull READ TOPIC LITERAL agency.LA-HULL.receipts",
                "User:la-hull READ TOPIC LITERAL exchange.register-checkpoints",
                "User:la-hull READ GROUP PREFIXED agency.LA-HULL.",
                "User:la-hull WRITE TRANSACTIONAL_ID PREFIXED agency.LA-HULL.",
                "User:sch-oakfield WRITE TOPIC LITERAL exchange.share-requests",
                "User:sch-oakfield WRITE TOPIC LITERAL exchange.consent-outcomes",
                "User:sch-oakfield WRITE TOPIC LITERAL exchange.share-decisions",
                "User:sch-oakfield WRITE TOPIC LITERAL exchange.hazard-notifications",
                "User:sch-oakfield READ TOPIC LITERAL agency.SCH-OAKFIELD.inbox",
                "User:sch-oakfield READ TOPIC LITERAL agency.SCH-OAKFIELD.receipts",
                "User:sch-oakfield READ TOPIC LITERAL exchange.register-checkpoints",
                "User:sch-oakfield READ GROUP PREFIXED agency.SCH-OAKFIELD.",
                "User:sch-oakfield WRITE TRANSACTIONAL_ID PREFIXED agency.SCH-OAKFIELD.");
    }

    @Test
    void everyBindingAllowsFromAnyHostAndNoneDenies() {
        assertThat(AclPlan.of(List.of(COUNCIL), "exchange-service"))
                .allSatisfy(binding -> assertThat(binding.entry().host()).isEqualTo("*"))
                .allSatisfy(binding -> assertThat(binding.entry().permissionType().name()).isEqualTo("ALLOW"));
    }

    @Test
    void anAgencyPrefixEndsWithADotSoThatNoOtherAgencysNamesStartWithIt() {
        Agency hullEast = new Agency("LA-HULL-EAST", "A neighbour", AgencyKind.LOCAL_AUTHORITY);
        assertThat(AclPlan.ownPrefix(COUNCIL)).isEqualTo("agency.LA-HULL.");
        assertThat(hullEast.inboxTopic()).doesNotStartWith(AclPlan.ownPrefix(COUNCIL));
    }

    @Test
    void anAgencyWhosePrincipalWouldBeTheServicesIsRefused() {
        Agency impostor = new Agency("EXCHANGE-SERVICE", "Not the service", AgencyKind.OTHER);
        assertThatThrownBy(() -> AclPlan.of(List.of(impostor), "exchange-service"))
                .hasMessageContaining("EXCHANGE-SERVICE").hasMessageContaining("User:exchange-service");
    }

    @Test
    void eachBindingIsPrintedAsTheKafkaAclsCommandThatAddsIt() {
        List<AclBinding> plan = AclPlan.of(List.of(COUNCIL), "exchange-service");
        assertThat(KafkaAclsCommand.commandLine(plan.get(plan.size() - 1))).isEqualTo(
                "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add"
                        + " --allow-principal User:la-hull --operation Write --transactional-id agency.LA-HULL."
                        + " --resource-pattern-type prefixed");
        assertThat(KafkaAclsCommand.commandLine(plan.get(0))).isEqualTo(
                "kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add"
                        + " --allow-principal User:exchange-service --operation Read --topic exchange.share-requests");
    }

    private static String line(AclBinding binding) {
        return binding.entry().principal() + " " + binding.entry().operation() + " " + binding.pattern().resourceType() + " "
                + binding.pattern().patternType() + " " + binding.pattern().name();
    }
}
