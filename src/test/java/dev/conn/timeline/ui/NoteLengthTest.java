package dev.conn.timeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.EventLimits;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.TimelineEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture bar refuses a note longer than import accepts, with the message the CLI prints
 * (issue 11, finding 9a). Over the real H2 store, through the view model the bar uses.
 */
class NoteLengthTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T14:00:00Z"));
    private Database db;
    private IncidentService service;
    private TimelineViewModel timeline;
    private IncidentViewModel incident;
    private IncidentId id;

    @BeforeEach
    void build() {
        db = Database.open(dir);
        service = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        DirectTaskRunner tasks = new DirectTaskRunner();
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        SettingsViewModel settings = new SettingsViewModel(
                Settings.defaults().withAuthorName("Ana Ops"), new SettingsFile(dir), PolicyFile.defaults(), tasks);
        timeline = new TimelineViewModel(incident, settings, clock, tasks);
        id = service.declare(new Declaration("Long notes", Severity.SEV2, "", Optional.empty(), "Ana Ops"), "Ana Ops")
                .incidentId();
        incident.open(id);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theCaptureBarRefusesANoteLongerThanImportAcceptsWithTheCliMessage() {
        List<String> saved = new ArrayList<>();

        timeline.submit("z".repeat(1_000_009), () -> saved.add("saved"));

        assertThat(timeline.captureMessageProperty().get()).isEqualTo(EventLimits.tooLong("note", "text", 1_000_009));
        assertThat(saved).isEmpty();
        assertThat(service.timeline(id)).extracting(e -> e.type()).containsExactly(EventType.INCIDENT_DECLARED);
    }

    @Test
    void aCorrectionLongerThanImportAcceptsIsRefusedToo() {
        timeline.submit("short note", () -> {});
        TimelineEntry row = timeline.visibleRows().stream()
                .filter(r -> r.type() == EventType.NOTE)
                .findFirst()
                .orElseThrow();
        List<String> errors = new ArrayList<>();

        timeline.correct(row, "w".repeat(1_000_001), errors::add);

        assertThat(errors).containsExactly(EventLimits.tooLong("correction", "text", 1_000_001));
        assertThat(service.timeline(id)).hasSize(2);
    }
}
