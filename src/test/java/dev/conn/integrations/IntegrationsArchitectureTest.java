package dev.conn.integrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The integrations room's layers (conventions: the pure core at {@code dev.conn.integrations}, HTTP
 * in {@code ..net}), and its place among the features: it leans only on {@code incident}, {@code
 * settings} and {@code platform}, so the outbox (comms), the Postmortem tab and the People panel
 * can depend on it without a cycle.
 */
@AnalyzeClasses(packages = "dev.conn.integrations", importOptions = ImportOption.DoNotIncludeTests.class)
class IntegrationsArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPure = noClasses()
            .that()
            .resideInAPackage("dev.conn.integrations")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "java.awt..",
                    "java.sql..",
                    "okhttp3..",
                    "java.net.http..",
                    "dev.conn.integrations.net..")
            .because("what to send, ids, mappings and settings are pure Java, tested without a network");

    @ArchTest
    static final ArchRule clientsStayOffTheScreen = noClasses()
            .that()
            .resideInAPackage("dev.conn.integrations.net..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "java.sql..")
            .because("HTTP adapters know nothing of the screen or the database");

    @ArchTest
    static final ArchRule leansOnlyOnTheGround = noClasses()
            .that()
            .resideInAPackage("dev.conn.integrations..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conn.app..",
                    "dev.conn.cli..",
                    "dev.conn.shell..",
                    "dev.conn.comms..",
                    "dev.conn.command..",
                    "dev.conn.fatigue..",
                    "dev.conn.impact..",
                    "dev.conn.postmortem..",
                    "dev.conn.timeline..")
            .because("the outbox, the Postmortem tab and the People panel will use integrations; a dependency back"
                    + " would be a cycle");
}
