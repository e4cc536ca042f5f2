package dev.podscope.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core knows nothing of JavaFX: only the UI shell, views and view-models may touch it. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.podscope");

    @Test
    void coreDoesNotDependOnJavaFx() {
        noClasses().that().resideInAnyPackage(
                        "dev.podscope.kube..", "dev.podscope.format..", "dev.podscope.session..",
                        "dev.podscope.sandbox..", "dev.podscope.cli..",
                        "dev.podscope.exec..", "dev.podscope.io..",
                        "dev.podscope.bundle", "dev.podscope.bundle.redact")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void forwardsAndProbesUseJavaFxOnlyInTheirViewsAndDialogs() {
        noClasses().that().resideInAnyPackage("dev.podscope.portforward..", "dev.podscope.probes..")
                .and().haveNameNotMatching(".*(View|ViewModel|Dialog)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }

    @Test
    void onlyViewsAndViewModelsOutsideTheUiPackageUseJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.podscope.ui..", "dev.podscope.app..")
                .and().haveNameNotMatching(".*(View|ViewModel|Dialog)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnTheShells() {
        noClasses().that().resideInAnyPackage("dev.podscope.kube..", "dev.podscope.format..",
                        "dev.podscope.session..", "dev.podscope.sandbox..", "dev.podscope.metrics..",
                        "dev.podscope.bundle", "dev.podscope.bundle.redact", "dev.podscope.bundle.open..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.podscope.ui..", "dev.podscope.cli..",
                        "dev.podscope.app..")
                .check(CLASSES);
    }

    @Test
    void openingABundleIsCoreWithoutJavaFx() {
        noClasses().that().resideInAnyPackage("dev.podscope.bundle.open..", "dev.podscope.sandbox.replay..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(CLASSES);
    }
}
