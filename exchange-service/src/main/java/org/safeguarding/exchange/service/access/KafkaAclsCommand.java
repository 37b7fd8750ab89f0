package org.safeguarding.exchange.service.access;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.safeguarding.exchange.service.access.internal.AccessProperties;
import org.safeguarding.exchange.service.access.internal.KafkaAccess;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code ./exchange kafka-acls [--apply] [--name=value ...]}: prints the Kafka ACLs of the agency directory as
 * {@code kafka-acls.sh} command lines, for a cluster the exchange does not administer; with {@code --apply}, also
 * creates them, signing in with {@code exchange.access.admin.*} over the service's own {@code spring.kafka.*}
 * settings. Reads the same configuration as the service (application.yml, {@code --name=value}, environment), and
 * starts nothing else of it.
 */
public final class KafkaAclsCommand {

    private static final String APPLY = "--apply";

    private KafkaAclsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Prints (and with {@value #APPLY} applies) the plan; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        boolean apply = List.of(args).contains(APPLY);
        List<String> settings = new ArrayList<>(List.of(args));
        settings.remove(APPLY);
        settings.add("--logging.level.root=WARN");
        SpringApplication application = new SpringApplication(AgencyDirectory.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(settings.toArray(String[]::new))) {
            Environment environment = context.getEnvironment();
            AgencyDirectory directory = context.getBean(AgencyDirectory.class);
            // The principal alone: binding the administrator's settings too would ask where the broker is.
            String servicePrincipal = environment.getProperty("exchange.access.service-principal", AccessProperties.SERVICE_PRINCIPAL);
            List<AclBinding> plan = AclPlan.of(directory.all(), servicePrincipal);
            print(plan, directory.all().size(), servicePrincipal, out);
            if (!apply) {
                return 0;
            }
            AccessProperties access = Binder.get(environment).bindOrCreate("exchange.access", AccessProperties.class);
            if (!access.administers()) {
                out.println("# Not applied: --apply signs in with exchange.access.admin.* (e.g. .sasl.jaas.config), and none is set");
                return 2;
            }
            KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
            try (Admin admin = Admin.create(KafkaAccess.adminClientConfig(kafka.buildAdminProperties(), access))) {
                KafkaAccess.createAcls(admin, plan);
            }
            out.println("# Applied " + plan.size() + " ACLs to " + String.join(",", kafka.getBootstrapServers()));
            return 0;
        }
    }

    private static void print(List<AclBinding> plan, int agencies, String servicePrincipal, PrintStream out) {
        out.println("# Kafka ACLs of the exchange: the service (User:" + servicePrincipal + ") and the directory's " + agencies
                + " agencies (User:<agency code in lower case>).");
        out.println("# Each agency signs in as its own SCRAM-SHA-512 user, e.g.");
        out.println("#   kafka-configs.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --alter"
                + " --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name la-hull");
        for (AclBinding binding : plan) {
            out.println(commandLine(binding));
        }
    }

    /** One binding as the {@code kafka-acls.sh} command that adds it. */
    static String commandLine(AclBinding binding) {
        StringBuilder line = new StringBuilder("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add")
                .append(" --allow-principal ").append(binding.entry().principal())
                .append(" --operation ").append(capitalised(binding.entry().operation().name()));
        String resource = switch (binding.pattern().resourceType()) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            default -> throw new IllegalArgumentException("Not in the plan: " + binding);
        };
        line.append(' ').append(resource).append(' ').append(binding.pattern().name());
        if (binding.pattern().patternType() == PatternType.PREFIXED) {
            line.append(" --resource-pattern-type prefixed");
        }
        return line.toString();
    }

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
