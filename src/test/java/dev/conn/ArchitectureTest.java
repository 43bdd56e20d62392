package dev.conn;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.conn.incident.EventStore;

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

    @ArchTest
    static final ArchRule commsCoreIsPure = noClasses()
            .that()
            .resideInAPackage("dev.conn.comms")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "java.awt..",
                    "java.sql..",
                    "javax.sql..",
                    "okhttp3..",
                    "jakarta.mail..",
                    "dev.conn.platform.fx..",
                    "dev.conn.comms.ui..",
                    "dev.conn.comms.net..",
                    "dev.conn.comms.store..")
            .because("the comms core (plan, checklist, templates, deciders, commands, delivery rules, the"
                    + " dispatcher behind its Outbox, Channel and DispatchLease ports) is tested without a screen, a"
                    + " network or a database");

    @ArchTest
    static final ArchRule commsAdaptersStayOffTheScreen = noClasses()
            .that()
            .resideInAnyPackage("dev.conn.comms.net..", "dev.conn.comms.store..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "dev.conn.platform.fx..", "dev.conn.comms.ui..")
            .because("HTTP, SMTP and JDBC adapters know nothing of the screen");

    @ArchTest
    static final ArchRule commsScreenReachesAdaptersOnlyThroughItsEntryPoint = noClasses()
            .that()
            .resideInAPackage("dev.conn.comms.ui..")
            .and()
            .doNotHaveSimpleName("CommsFeature")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.conn.comms.net..", "dev.conn.comms.store..", "java.sql..", "okhttp3..", "jakarta.mail..")
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("dev\\.conn\\.incident\\.(EventCodec|EventStore|JdbcEventStore|IncidentLog)(\\$.*)?")
            .because("the Comms tab sends commands to the comms core and reads what it folded; only the"
                    + " feature's entry point wires the outbox, the lease and the channel clients");

    @ArchTest
    static final ArchRule postmortemCoreIsPure = noClasses()
            .that()
            .resideInAPackage("dev.conn.postmortem")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "java.sql..", "dev.conn.postmortem.ui..")
            .because("the postmortem core (commands, deciders, folds, exporters, import) is pure Java,"
                    + " tested without a screen or a database");

    @ArchTest
    static final ArchRule postmortemWritesOnlyThroughTheOneWriter = noClasses()
            .that()
            .resideInAPackage("dev.conn.postmortem..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.EventStore")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.Payload")
            .because("the postmortem decides typed commands and IncidentLog writes them (issue 12): it builds"
                    + " no untyped payload and never appends to the store itself");

    @ArchTest
    static final ArchRule postmortemScreenSendsCommands = noClasses()
            .that()
            .resideInAPackage("dev.conn.postmortem.ui..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.EventCodec")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.IncidentLog")
            .orShould()
            .callMethod(
                    "dev.conn.incident.Event",
                    "of",
                    "java.util.UUID",
                    "dev.conn.incident.IncidentId",
                    "java.time.Instant",
                    "java.time.Instant",
                    "java.lang.String",
                    "dev.conn.incident.EventBody")
            .because("the postmortem screen sends typed commands; it never builds events, nor reaches the codec"
                    + " or the writer");

    @ArchTest
    static final ArchRule shellFeaturesKeepTheScreenInTheirUiPackage = noClasses()
            .that()
            .resideInAnyPackage("dev.conn.incident", "dev.conn.timeline", "dev.conn.settings", "dev.conn.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..")
            .because("the incident, timeline and settings cores and the CLI are pure Java whatever a class is"
                    + " called; their screens live in incident.ui, timeline.ui and settings.ui (issue 12 item 7)");

    @ArchTest
    static final ArchRule awtOnlyInUiAndShell = noClasses()
            .that()
            .resideOutsideOfPackages("..ui..", "dev.conn.shell..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.awt..")
            .because("java.awt (the desktop's file manager, the browser) is screen code: ui packages and the shell");

    @ArchTest
    static final ArchRule uiNeverReachesTheCodecOrTheStore = noClasses()
            .that()
            .resideInAPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.EventCodec")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.EventStore")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.JdbcEventStore")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("..store..")
            .because("view models send commands through services and receive folded state; the stored form"
                    + " and the log belong to the core, and stores are built by the composition root (issue 12"
                    + " item 7)");

    @ArchTest
    static final ArchRule onlyTheOneWriterAppendsToTheLog = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("dev.conn.incident.IncidentLog")
            .and()
            .areNotAssignableTo(EventStore.class)
            .should()
            .callMethodWhere(target(owner(assignableTo(EventStore.class))).and(target(name("append"))))
            .because("one writer (issue 12 item 3): every event is decided and stamped by IncidentLog, which"
                    + " alone calls EventStore.append, whatever the calling class is called; only the stores"
                    + " themselves (and a store delegating to another) append otherwise");

    @ArchTest
    static final ArchRule uiAndDecidersNeverUseUntypedPayloads = noClasses()
            .that()
            .resideInAPackage("..ui..")
            .or()
            .implement(dev.conn.incident.Decider.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.conn.incident.Payload")
            .because("screens send typed commands and deciders fold typed bodies (Event.body()); the untyped"
                    + " Payload is a bridge for the stored form only");
}
