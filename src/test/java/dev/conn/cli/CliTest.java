package dev.conn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.HeaderEvent;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.testing.Events;
import dev.conn.testing.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<Database> open = new ArrayList<>();
    private String out = "";
    private String err = "";

    @AfterEach
    void closeDatabases() {
        open.forEach(Database::close);
    }

    /** Runs the CLI in this JVM on the test data directory; the window must not open. */
    private int conn(String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                all.toArray(String[]::new),
                p -> fail("the window must not open"),
                clock,
                new PrintWriter(o),
                new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    /** Opens the database as the window would, and keeps it open for the rest of the test. */
    private IncidentService console() {
        Database db = Database.open(dir);
        open.add(db);
        return new IncidentService(EventStore.jdbc(db.dataSource()), clock);
    }

    private IncidentId declare(IncidentService service, String title) {
        return service.declare(new Declaration(title, Severity.SEV2, "", Optional.empty(), "alice"), "alice")
                .incidentId();
    }

    private static List<Event> notesAndDecisions(IncidentService service, IncidentId id) {
        return service.timeline(id).stream()
                .filter(e -> e.type() != EventType.INCIDENT_DECLARED)
                .toList();
    }

    @Test
    void incidentsWithNonePrintsHowToDeclareOne() {
        console(); // the window created the database; nothing declared yet

        int code = conn("incidents");

        assertThat(code).isZero();
        assertThat(out).contains("No incidents yet in " + dir);
    }

    @Test
    void aDataDirectoryWithoutADatabaseIsRefusedNotCreated() {
        Path typo = dir.resolve("typo");

        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = ConnCommand.run(
                new String[] {"--data-dir", typo.toString(), "log", "deployed v2"},
                p -> fail("the window must not open"),
                clock,
                new PrintWriter(o),
                new PrintWriter(e));

        assertThat(code).isEqualTo(1);
        assertThat(e.toString()).contains("No Conn database in " + typo).contains("--data-dir");
        assertThat(typo).doesNotExist();
    }

    @Test
    void logNeverWritesSilentlyToAResolvedIncident() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors in EU");
        console.change(id, new HeaderCommand.Resolve(Optional.empty(), Optional.empty()), "alice");

        int code = conn("log", "--author", "bot", "deployed v2");

        assertThat(code).isEqualTo(1);
        assertThat(err).contains("No open incident").contains("--incident");
        assertThat(notesAndDecisions(console, id)).extracting(Event::type).containsExactly(EventType.RESOLVED);
    }

    @Test
    void logPrintsTheTitleOfTheIncidentItWroteTo() {
        declare(console(), "Checkout errors in EU");

        conn("log", "--author", "bot", "deployed v2");

        assertThat(out).contains("\"Checkout errors in EU\"");
    }

    @Test
    void incidentsListsDeclaredIncidentsMarkingTheActiveOne() {
        IncidentService console = console();
        declare(console, "Older incident");
        clock.advance(Duration.ofMinutes(5));
        IncidentId active = declare(console, "Checkout errors in EU");

        int code = conn("incidents");

        assertThat(code).isZero();
        assertThat(out).contains("Checkout errors in EU").contains("Older incident");
        assertThat(out.lines().filter(l -> l.startsWith("*")).toList())
                .singleElement()
                .asString()
                .contains(active.shortForm())
                .contains("Checkout errors in EU");
    }

    @Test
    void logAppendsANoteToTheActiveIncidentWhileTheConsoleHoldsTheDatabaseOpen() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");

        int code = conn("log", "--author", "deploy-bot", "deployed v2");

        assertThat(code).as(err).isZero();
        assertThat(out).contains("Recorded note").contains(id.shortForm());
        assertThat(notesAndDecisions(console, id)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.NOTE);
            assertThat(e.payload().text("text")).contains("deployed v2");
            assertThat(e.author()).isEqualTo("deploy-bot");
            assertThat(e.occurredAt()).isEqualTo(T0);
        });
    }

    @Test
    void logAppendsANoteAfterTheConsoleClosedTheDatabase() {
        IncidentId id;
        try (Database db = Database.open(dir)) {
            id = declare(new IncidentService(EventStore.jdbc(db.dataSource()), clock), "Checkout errors");
        }

        int code = conn("log", "--author", "deploy-bot", "deployed v2");

        assertThat(code).as(err).isZero();
        assertThat(notesAndDecisions(console(), id))
                .extracting(e -> e.payload().textOrEmpty("text"))
                .containsExactly("deployed v2");
    }

    @Test
    void logJoinsTheWordsOfTheText() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");

        conn("log", "--author", "bot", "deployed", "v2", "to", "eu-west");

        assertThat(notesAndDecisions(console, id).get(0).payload().text("text")).contains("deployed v2 to eu-west");
    }

    @ParameterizedTest(name = "--type {0}")
    @CsvSource({"note, NOTE", "decision, DECISION", "action, ACTION_TAKEN"})
    void logTypeChoosesTheEntryType(String type, EventType expected) {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");

        int code = conn("log", "--type", type, "--author", "bot", "Roll back payments-api");

        assertThat(code).as(err).isZero();
        assertThat(notesAndDecisions(console, id)).extracting(Event::type).containsExactly(expected);
    }

    @Test
    void logIncidentChoosesAnIncidentByIdPrefix() {
        IncidentService console = console();
        EventStore store = EventStore.jdbc(open.get(0).dataSource());
        IncidentId target = new IncidentId(UUID.fromString("aaaa1111-0000-7000-8000-000000000001"));
        Events.seed(
                store,
                Event.of(
                        Event.newId(),
                        target,
                        T0,
                        T0,
                        "alice",
                        new HeaderEvent.IncidentDeclared(
                                "Older", Severity.SEV3, Optional.empty(), Optional.empty(), Optional.of("alice"))));
        IncidentId active = declare(console, "Active one");

        int code = conn("log", "--incident", "aaaa11", "--author", "bot", "for the older incident");

        assertThat(code).as(err).isZero();
        assertThat(notesAndDecisions(console, target))
                .extracting(e -> e.payload().textOrEmpty("text"))
                .containsExactly("for the older incident");
        assertThat(notesAndDecisions(console, active)).isEmpty();
    }

    @Test
    void logWithAnUnknownIncidentPrefixIsRefused() {
        declare(console(), "Checkout errors");

        int code = conn("log", "--incident", "ffffffff", "--author", "bot", "x");

        assertThat(code).isEqualTo(1);
        assertThat(err).contains("No incident matches 'ffffffff'");
    }

    @Test
    void logAtMinusFiveMinutesBackDatesTheEntry() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");
        clock.advance(Duration.ofMinutes(30));

        int code = conn("log", "--at", "-5m", "--author", "bot", "Paged the DBA");

        assertThat(code).as(err).isZero();
        assertThat(notesAndDecisions(console, id)).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(25)));
            assertThat(e.recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void logAtAnIsoInstantBackDatesTheEntry() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");
        clock.advance(Duration.ofMinutes(30));

        int code = conn("log", "--at", "2026-11-21T09:12:00Z", "--author", "bot", "Paged the DBA");

        assertThat(code).as(err).isZero();
        assertThat(notesAndDecisions(console, id).get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-21T09:12:00Z"));
    }

    @Test
    void logAtAFutureTimeIsRefused() {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");

        int code = conn("log", "--at", "2026-11-21T10:00:00Z", "--author", "bot", "from the future");

        assertThat(code).isEqualTo(1);
        assertThat(err).contains("future");
        assertThat(notesAndDecisions(console, id)).isEmpty();
    }

    @Test
    void logWithNoIncidentIsRefusedWithAClearMessage() {
        console();

        int code = conn("log", "--author", "bot", "deployed v2");

        assertThat(code).isEqualTo(1);
        assertThat(err).contains("No open incident in " + dir).contains("Declare one");
    }

    @Test
    void logWithAnUnknownTypeIsAUsageError() {
        declare(console(), "Checkout errors");

        int code = conn("log", "--type", "bogus", "deployed v2");

        assertThat(code).isEqualTo(2);
        assertThat(err).contains("--type").contains("bogus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"incidents", "declare", "log", "export", "import", "stats"})
    void everyCommandPrintsItsUsageForHelpWithoutAskingForItsOptions(String command) {
        int code = conn(command, "--help");

        assertThat(code).as(err).isZero();
        assertThat(out).startsWith("Usage: conn " + command).contains("-h, --help");
        assertThat(err).doesNotContain("Missing required").doesNotContain("Unknown option");
    }

    @Test
    void logWithoutTextIsAUsageError() {
        assertThat(conn("log")).isEqualTo(2);
    }

    @Test
    void logTakesTheAuthorFromSettings() throws IOException {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"authorName\": \"Alice Ng\"}");

        conn("log", "deployed v2");

        assertThat(notesAndDecisions(console, id).get(0).author()).isEqualTo("Alice Ng");
    }

    @Test
    void noSubcommandOpensTheWindowOnTheDataDirectory() {
        AtomicReference<Path> opened = new AtomicReference<>();

        int code = ConnCommand.run(
                new String[] {"--data-dir", dir.toString()},
                opened::set,
                clock,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(opened.get()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void logFromASeparateProcessReachesTheDatabaseTheConsoleHoldsOpen() throws Exception {
        IncidentService console = console();
        IncidentId id = declare(console, "Checkout errors");
        Path stdout = dir.resolve("cli.out");
        Path stderr = dir.resolve("cli.err");

        Process cli = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.conn.app.Launcher",
                        "--data-dir",
                        dir.toString(),
                        "log",
                        "--author",
                        "deploy-bot",
                        "hello")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            assertThat(cli.waitFor(30, TimeUnit.SECONDS))
                    .as("the CLI finishes within 30 s")
                    .isTrue();
            assertThat(cli.exitValue())
                    .as(Files.readString(stderr, StandardCharsets.UTF_8))
                    .isZero();
        } finally {
            cli.destroyForcibly();
            cli.waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(Files.readString(stdout, StandardCharsets.UTF_8)).contains("Recorded note");
        assertThat(notesAndDecisions(console, id)).singleElement().satisfies(e -> {
            assertThat(e.payload().text("text")).contains("hello");
            assertThat(e.author()).isEqualTo("deploy-bot");
        });
    }
}
