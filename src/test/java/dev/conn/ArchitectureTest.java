package dev.conn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of ../shared/conventions.md, enforced (JabRef CommonArchitectureTest, PDFsam TestCycles). */
@AnalyzeClasses(packages = "dev.conn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> SCREEN_CLASSES = DescribedPredicate.describe(
            "views, view models, cells, dialogs, ui packages, shell, app, platform.fx and platform.theme",
            c -> c.getPackageName().endsWith(".ui")
                    || c.getPackageName().contains(".ui.")
                    || c.getSimpleName().endsWith("View")
                    || c.getSimpleName().endsWith("ViewModel")
                    || c.getSimpleName().endsWith("Cell")
                    || c.getSimpleName().endsWith("Dialog")
                    || c.getName().contains("View$")
                    || c.getName().contains("ViewModel$")
                    || c.getName().contains("Dialog$")
                    || c.getPackageName().startsWith("dev.conn.shell")
                    || c.getPackageName().startsWith("dev.conn.app")
                    || c.getPackageName().startsWith("dev.conn.platform.fx")
                    || c.getPackageName().startsWith("dev.conn.platform.theme"));

    @ArchTest
    static final ArchRule platformKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.conn.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conn.app..",
                    "dev.conn.cli..",
                    "dev.conn.incident..",
                    "dev.conn.timeline..",
                    "dev.conn.comms..",
                    "dev.conn.command..",
                    "dev.conn.fatigue..",
                    "dev.conn.impact..",
                    "dev.conn.postmortem..",
                    "dev.conn.settings..",
                    "dev.conn.shell..")
            .because("platform is the ground every feature stands on; it must not lean on any of them");

    @ArchTest
    static final ArchRule featuresFormNoCycles = slices().matching("dev.conn.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a cycle between features makes each impossible to understand or test alone");

    @ArchTest
    static final ArchRule javafxOnlyInScreenClasses = noClasses()
            .that(DescribedPredicate.not(SCREEN_CLASSES))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("domain and services are pure Java: inputs are events, policy and a Clock");

    @ArchTest
    static final ArchRule sqlOnlyInRepositoriesAndPlatformDb = noClasses()
            .that()
            .resideOutsideOfPackage("dev.conn.platform.db..")
            .and(DescribedPredicate.not(DescribedPredicate.describe(
                    "Jdbc* repositories and their nested classes", (JavaClass c) -> c.getName()
                            .substring(c.getPackageName().length() + 1)
                            .startsWith("Jdbc"))))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
            .because("only repositories and platform.db talk to the database");

    @ArchTest
    static final ArchRule okhttpOnlyInClients = noClasses()
            .that()
            .resideOutsideOfPackage("dev.conn.platform.http..")
            .and()
            .haveSimpleNameNotEndingWith("Client")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("okhttp3..")
            .because("HTTP lives behind small *Client adapters so the core can be tested without a network");

    @ArchTest
    static final ArchRule domainNeverWaitsOnFxThread = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.conn.incident..",
                    "dev.conn.timeline..",
                    "dev.conn.settings..",
                    "dev.conn.command..",
                    "dev.conn.fatigue..")
            .and(DescribedPredicate.not(SCREEN_CLASSES))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.conn.platform.fx..")
            .because("the domain does not schedule UI work; view models do");

    @ArchTest
    static final ArchRule impactCoreIsPure = noClasses()
            .that()
            .resideInAPackage("dev.conn.impact")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "java.awt..",
                    "java.sql..",
                    "okhttp3..",
                    "io.fair_acc..",
                    "dev.conn.impact.ui..",
                    "dev.conn.impact.net..",
                    "dev.conn.impact.store..")
            .because("the impact core (queries, steps, folds, reductions) is pure Java, tested without a"
                    + " screen, a network or a database");

    @ArchTest
    static final ArchRule impactAdaptersStayOffTheScreen = noClasses()
            .that()
            .resideInAnyPackage("dev.conn.impact.net..", "dev.conn.impact.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "io.fair_acc..", "dev.conn.impact.ui..")
            .because("HTTP and JDBC adapters know nothing of the screen");

    @ArchTest
    static final ArchRule impactScreenUsesNoAdapter = noClasses()
            .that()
            .resideInAPackage("dev.conn.impact.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.conn.impact.net..", "dev.conn.impact.store..", "java.sql..", "okhttp3..")
            .because("the screen reaches sources and the cache only through the core's interfaces");

    @ArchTest
    static final ArchRule warRoomCoreIsPure = noClasses()
            .that()
            .resideInAPackage("dev.conn.warroom")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "java.awt..",
                    "java.sql..",
                    "org.postgresql..",
                    "org.flywaydb..",
                    "dev.conn.warroom.ui..",
                    "dev.conn.warroom.store..")
            .because("the war room's core (order, conflicts, sync state) is pure Java, tested without a screen or"
                    + " a database");

    @ArchTest
    static final ArchRule warRoomStoreStaysOffTheScreen = noClasses()
            .that()
            .resideInAPackage("dev.conn.warroom.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "dev.conn.warroom.ui..")
            .because("the JDBC adapters of the war room know nothing of the screen");

    @ArchTest
    static final ArchRule warRoomScreenUsesNoAdapter = noClasses()
            .that()
            .resideInAPackage("dev.conn.warroom.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.conn.warroom.store..", "java.sql..", "org.postgresql..")
            .because("the screen reaches the war room only through the core's interfaces (WarRoomConnector)");

    @ArchTest
    static final ArchRule chartLibraryOnlyInImpactScreen = noClasses()
            .that()
            .resideOutsideOfPackage("dev.conn.impact.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fair_acc..")
            .because("ChartFX draws the impact charts and nothing else (ADR 0011)");
}
