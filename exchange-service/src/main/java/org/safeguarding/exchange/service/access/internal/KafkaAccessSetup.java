package org.safeguarding.exchange.service.access.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.safeguarding.exchange.service.access.AclPlan;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Gives the directory's agencies and the service their Kafka access when the service starts, before any of its Kafka
 * clients runs: a bean made while the context refreshes, so that KafkaAdmin's topic creation (after every bean is
 * made) and the listeners (later still) find the ACLs in place. Only with administrator settings
 * ({@code exchange.access.admin.*}); without them, the cluster's operator applies the same plan
 * ({@code ./exchange kafka-acls}). Each agency's SCRAM user is created with its generated password where the service
 * generated one; with configured users (bcrypt hashes only) no password is known, and only the ACLs are applied.
 */
public class KafkaAccessSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaAccessSetup.class);

    private final AccessProperties properties;
    private final AgencyDirectory directory;
    private final UserAccounts accounts;
    private final KafkaAdmin kafkaAdmin;
    private volatile boolean agencyUsersCreated;

    public KafkaAccessSetup(AccessProperties properties, AgencyDirectory directory, UserAccounts accounts, KafkaAdmin kafkaAdmin) {
        this.properties = properties;
        this.directory = directory;
        this.accounts = accounts;
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.administers()) {
            log.info("No exchange.access.admin.* settings: the Kafka ACLs are left to the cluster's operator (./exchange kafka-acls)");
            return;
        }
        List<AclBinding> plan = AclPlan.of(directory.all(), properties.servicePrincipal());
        Map<String, String> users = new LinkedHashMap<>();
        accounts.generatedAgencyPasswords().forEach((code, password) -> users.put(UserAccounts.agencyUserName(code), password));
        try (Admin admin = Admin.create(KafkaAccess.adminClientConfig(kafkaAdmin.getConfigurationProperties(), properties))) {
            KafkaAccess.upsertScramUsers(admin, users);
            KafkaAccess.createAcls(admin, plan);
        }
        agencyUsersCreated = !users.isEmpty();
        log.info("Kafka access applied: {} ACLs for the service and {} agencies, {} agency users created", plan.size(),
                directory.all().size(), users.size());
    }

    /** Whether the agencies' Kafka users were created with their generated passwords (so their settings can be written). */
    public boolean agencyUsersCreated() {
        return agencyUsersCreated;
    }
}
