package org.safeguarding.exchange.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the module boundaries of ../shared/ARCHITECTURE.md honest: one-way dependencies between feature modules,
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
}
