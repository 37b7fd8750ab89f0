package org.safeguarding.exchange.service.access;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.security.UserAccounts;

/**
 * The Kafka ACLs the exchange needs, derived from the agency directory: everything else is refused, since the broker
 * allows nothing no ACL names ({@code allow.everyone.if.no.acl.found=false}).
 * <ul>
 * <li>An agency ({@code User:<code in lower case>}) may write the four intake topics; read its own inbox and receipts
 * and the register checkpoints; and use consumer groups and transactional ids starting {@code agency.<CODE>.}.</li>
 * <li>The service reads the intake topics and each inbox (to tell whether a reminder was delivered), writes the intake
 * topics (a dead letter replayed with a second person's approval, still proven by its sender's signature) and every
 * {@code agency.} topic, the dead-letter and checkpoint topics, reads and writes the delivery confirmations (the inbox
 * webhook connector signs in as the service), creates them all, and uses consumer groups and
 * transactional ids starting {@value #SERVICE_PREFIX} (its intake listener's group, {@code exchange-intake}, and
 * {@code exchange-<instance-id>-} for each instance's transactions).</li>
 * </ul>
 * Reading or writing a topic implies describing it, so no DESCRIBE is listed. Plain Java: the same plan is applied at
 * start-up and printed by {@link KafkaAclsCommand}.
 */
public final class AclPlan {

    /** What the service's consumer groups and transactional ids start with; no agency's can. */
    public static final String SERVICE_PREFIX = "exchange-";
    private static final String AGENCY_TOPICS = "agency.";

    private AclPlan() {
    }

    /** The bindings for the service (principal {@code User:<servicePrincipal>}) and every agency, in that order. */
    public static List<AclBinding> of(List<Agency> agencies, String servicePrincipal) {
        String service = "User:" + servicePrincipal;
        List<AclBinding> plan = new ArrayList<>();
        for (String intake : IntakeTopic.names()) {
            plan.add(allow(service, TOPIC, intake, LITERAL, READ));
            plan.add(allow(service, TOPIC, intake, LITERAL, CREATE));
            // An approved dead-letter replay: the sender's own signed bytes again, which intake proves as any message.
            plan.add(allow(service, TOPIC, intake, LITERAL, WRITE));
        }
        plan.add(allow(service, TOPIC, AGENCY_TOPICS, PREFIXED, WRITE));
        plan.add(allow(service, TOPIC, AGENCY_TOPICS, PREFIXED, CREATE));
        for (Agency agency : agencies) {
            plan.add(allow(service, TOPIC, agency.inboxTopic(), LITERAL, READ));
        }
        for (String own : List.of(IntakeTopic.DEAD_LETTER, ExchangeTopics.REGISTER_CHECKPOINTS)) {
            plan.add(allow(service, TOPIC, own, LITERAL, WRITE));
            plan.add(allow(service, TOPIC, own, LITERAL, CREATE));
        }
        // Written by the inbox webhook connector, which signs in as the service (connectors/README.md), and read by the service.
        plan.add(allow(service, TOPIC, ExchangeTopics.DELIVERY_CONFIRMATIONS, LITERAL, READ));
        plan.add(allow(service, TOPIC, ExchangeTopics.DELIVERY_CONFIRMATIONS, LITERAL, WRITE));
        plan.add(allow(service, TOPIC, ExchangeTopics.DELIVERY_CONFIRMATIONS, LITERAL, CREATE));
        plan.add(allow(service, GROUP, SERVICE_PREFIX, PREFIXED, READ));
        plan.add(allow(service, TRANSACTIONAL_ID, SERVICE_PREFIX, PREFIXED, WRITE));

        for (Agency agency : agencies) {
            String principal = principalOf(agency);
            if (principal.equals(service)) {
                throw new IllegalArgumentException("Agency " + agency.code() + " would have the service's own Kafka principal "
                        + service + "; rename the agency or set exchange.access.service-principal");
            }
            for (String intake : IntakeTopic.names()) {
                plan.add(allow(principal, TOPIC, intake, LITERAL, WRITE));
            }
            plan.add(allow(principal, TOPIC, agency.inboxTopic(), LITERAL, READ));
            plan.add(allow(principal, TOPIC, agency.receiptsTopic(), LITERAL, READ));
            plan.add(allow(principal, TOPIC, ExchangeTopics.REGISTER_CHECKPOINTS, LITERAL, READ));
            plan.add(allow(principal, GROUP, ownPrefix(agency), PREFIXED, READ));
            plan.add(allow(principal, TRANSACTIONAL_ID, ownPrefix(agency), PREFIXED, WRITE));
        }
        return List.copyOf(plan);
    }

    /** An agency's Kafka principal: its user, the agency code in lower case, as its HTTP user is named. */
    public static String principalOf(Agency agency) {
        return "User:" + UserAccounts.agencyUserName(agency.code());
    }

    /** What an agency's consumer groups and transactional ids must start with: {@code agency.<CODE>.}. */
    public static String ownPrefix(Agency agency) {
        return AGENCY_TOPICS + agency.code() + ".";
    }

    private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
