package org.inquest.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: app → analysis → connectors; only app may touch JavaFX. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.inquest");
    }

    @Test
    void connectorsAndAnalysisNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage("org.inquest.connectors..", "org.inquest.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void nothingBelowAppDependsOnApp() {
        noClasses().that().resideInAnyPackage("org.inquest.connectors..", "org.inquest.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.inquest.app..")
                .check(classes);
    }

    @Test
    void connectorsNeverDependOnAnalysis() {
        noClasses().that().resideInAPackage("org.inquest.connectors..")
                .should().dependOnClassesThat().resideInAPackage("org.inquest.analysis..")
                .check(classes);
    }

    @Test
    void theRulesSeeAllThreeLayers() {
        // A rule over an empty set passes vacuously; make sure the import really found each layer.
        for (String layer : new String[] {"org.inquest.connectors", "org.inquest.analysis", "org.inquest.app"}) {
            if (classes.stream().noneMatch(c -> c.getPackageName().startsWith(layer))) {
                throw new AssertionError("no classes found in " + layer);
            }
        }
    }
}
