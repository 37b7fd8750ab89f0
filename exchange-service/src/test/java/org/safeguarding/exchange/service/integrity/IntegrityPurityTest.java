package org.safeguarding.exchange.service.integrity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The integrity core stays plain Java, so auditors can read and reuse it without the service. */
class IntegrityPurityTest {

    private static final String CORE = "org.safeguarding.exchange.service.integrity";

    @Test
    void theCoreDependsOnNothingButTheJdkAndItself() {
        JavaClasses core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);

        classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CORE)
                .check(core);
    }
}
