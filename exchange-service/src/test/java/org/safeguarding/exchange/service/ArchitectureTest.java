package org.safeguarding.exchange.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.exchange.service.checkpoints.RegisterVerifier;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the module boundaries honest: one-way dependencies between feature modules,
 * framework-free policy rules and integrity proofs, a register that knows nothing of HTTP, and start-up-only use of
 * the ready banner and the demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String BASE = "org.safeguarding.exchange.service";
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z_]+)\\.sql");
    private static final Pattern CREATED = Pattern.compile("(?i)create\\s+(?:table|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    /** Java string literals and text blocks, where SQL lives. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicFace() {
        ApplicationModules.of(ExchangeApplication.class).verify();
    }

    /**
     * Documenter writes the module diagram; the copy in docs/ that the README links must be the one the code gives, so
     * that the picture cannot fall behind the modules.
     */
    @Test
    void theCommittedModuleDiagramIsTheOneTheModulesGive() throws IOException {
        new Documenter(ApplicationModules.of(ExchangeApplication.class))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        Path generated = Path.of("target/spring-modulith-docs/components.puml");
        // Documenter lists the same relationships in a different order from one run to the next.
        assertThat(Files.readAllLines(Path.of("../docs/modules.puml")))
                .as("docs/modules.puml is out of date: copy exchange-service/" + generated + " over it")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
    }

    /**
     * A table belongs to the module whose migration creates it ({@code V3__register.sql} creates the register's), and
     * no other module's SQL names it: the others learn what they need through the owner's face.
     */
    @Test
    void eachTableIsTouchedOnlyByTheModuleThatCreatesIt() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher file = MIGRATION.matcher(migration.getFileName().toString());
                assertThat(file.matches()).as("migration named V<n>__<owning module>.sql: " + migration).isTrue();
                Matcher created = CREATED.matcher(Files.readString(migration));
                while (created.find()) {
                    owners.put(created.group(1).toLowerCase(Locale.ROOT), file.group(1));
                }
            }
        }
        assertThat(owners).containsEntry("register_entry", "register");
        Path sources = Path.of("src/main/java", BASE.split("\\."));
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = sources.relativize(file);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    for (Map.Entry<String, String> table : owners.entrySet()) {
                        if (!table.getValue().equals(module)
                                && Pattern.compile("\\b" + table.getKey() + "\\b").matcher(literal.group()).find()) {
                            trespasses.add(relative + " names " + table.getKey() + " of module " + table.getValue());
                        }
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    @Test
    void policyRulesArePlainJava() {
        noClasses().that().resideInAPackage(BASE + ".policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..",
                        "javax.sql..", "jakarta..", "tools.jackson..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void integrityProofsArePlainJava() {
        noClasses().that().resideInAPackage(BASE + ".integrity")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..",
                        "javax.sql..", "jakarta..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRegisterKnowsNothingOfHttpOrKafka() {
        noClasses().that().resideInAPackage(BASE + ".register..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.apache.kafka..")
                .check(classes);
    }

    @Test
    void onlyStartUpUsesTheEmbeddedInfrastructureOrTheDemo() {
        noClasses().that().resideOutsideOfPackages(BASE + ".startup..", BASE + ".demo..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".startup..", BASE + ".demo..")
                .check(classes);
    }

    /** Every read of the register is scoped and logged by audit's RegisterReads, so a new endpoint cannot forget the log. */
    @Test
    void httpEndpointsReadTheRegisterOnlyThroughTheLoggedReads() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().belongToAnyOf(RegisterSearch.class, SharingRegister.class, RegisterVerifier.class)
                .check(classes);
    }

    /**
     * The service reads time from the Clock bean, so that tests can move it and every instant in one poll agrees. The
     * demo plays the agencies, whose clocks are their own.
     */
    @Test
    void timeIsReadFromTheClockBean() {
        noClasses().that().resideOutsideOfPackage(BASE + ".demo..").should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
