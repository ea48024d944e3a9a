package dev.backcast.server;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of DESIGN section 2, checked on the compiled classes. */
@AnalyzeClasses(packages = "dev.backcast", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotKnowTheQuerySide = noClasses()
            .that().resideInAPackage("dev.backcast.command..")
            .should().dependOnClassesThat().resideInAPackage("dev.backcast.query..");

    @ArchTest
    static final ArchRule querySideDoesNotKnowTheCommandSide = noClasses()
            .that().resideInAPackage("dev.backcast.query..")
            .should().dependOnClassesThat().resideInAPackage("dev.backcast.command..");

    @ArchTest
    static final ArchRule sharedKernelIsPlainJava = classes()
            .that().resideInAPackage("dev.backcast.plan..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.backcast.plan..",
                    "com.fasterxml.jackson.annotation..", "org.axonframework.modelling.command..");

    @ArchTest
    static final ArchRule sharedKernelHasNoFrameworkBeyondAnnotations = noClasses()
            .that().resideInAPackage("dev.backcast.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "jakarta.servlet..", "org.hibernate..");

    @ArchTest
    static final ArchRule sharedKernelKnowsNeitherSide = noClasses()
            .that().resideInAPackage("dev.backcast.plan..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.backcast.command..", "dev.backcast.query..",
                    "dev.backcast.server..");
}
