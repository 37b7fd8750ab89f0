package org.safeguarding.exchange.service.access.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;

/** Creates SCRAM users and ACLs through an administrator's client. Both are idempotent: doing it again changes nothing. */
public final class KafkaAccess {

    /** Kafka's least for SCRAM-SHA-512; the passwords are long and random, so more rounds would buy little. */
    private static final int SCRAM_ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 60;

    private KafkaAccess() {
    }

    /** The administrator's client settings: the service's own (bootstrap servers, TLS), with the administrator's over them. */
    public static Map<String, Object> adminClientConfig(Map<String, Object> serviceAdminConfig, AccessProperties properties) {
        Map<String, Object> config = new HashMap<>(serviceAdminConfig);
        config.putAll(properties.admin());
        return config;
    }

    /** Creates each SCRAM-SHA-512 user (name to password), or sets its password when it exists. */
    public static void upsertScramUsers(Admin admin, Map<String, String> passwords) {
        if (passwords.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> upserts = passwords.entrySet().stream()
                .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.getValue()))
                .toList();
        await(admin.alterUserScramCredentials(upserts).all(), "create the agencies' Kafka users");
        // The brokers learn of new credentials a moment after they are stored; an agency refused in between would give up.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!allKnown(admin, passwords.keySet())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The agencies' Kafka users were created, but the brokers do not know them yet");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the agencies' Kafka users", e);
            }
        }
    }

    private static boolean allKnown(Admin admin, Set<String> users) {
        try {
            return admin.describeUserScramCredentials(List.copyOf(users)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .size() == users.size();
        } catch (ExecutionException notYet) {
            return false; // a user the broker does not know yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the agencies' Kafka users", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot see the agencies' Kafka users: " + e, e);
        }
    }

    /** Adds the bindings; one the broker holds already is left as it is. */
    public static void createAcls(Admin admin, List<AclBinding> plan) {
        await(admin.createAcls(plan).all(), "create the Kafka ACLs");
    }

    private static void await(KafkaFuture<Void> done, String what) {
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Cannot " + what + " (exchange.access.admin.* signs in as a Kafka "
                    + "administrator): " + cause, cause);
        }
    }
}
