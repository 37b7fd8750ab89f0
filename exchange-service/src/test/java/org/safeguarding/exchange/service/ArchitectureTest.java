package org.safeguarding.exchange.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.exchange.service.checkpoints.RegisterVerifier;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the module boundaries honest: one-way dependencies between feature modules,
 * framework-free policy rules and integrity proofs, a register that knows nothing of HTTP, and start-up-only use of
 * the ready banner and the demo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    private static final String BASE = "org.safeguarding.exchange.service";
    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicFace() {
        ApplicationModules.of(ExchangeApplication.class).verify();
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
