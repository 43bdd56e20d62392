package dev.conn.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.HeaderCommand;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.TimelineEvent;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.testing.InMemoryEventStore;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.ui.TimelineViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-second tick re-renders the clocks from folded state: it never touches the log, so its
 * work does not grow with the incident. The background checks run on their own schedule.
 */
class HeartbeatTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {10, 10_000})
    void aTickMakesNoStoreCallHoweverLongTheIncident(int entries) {
        InMemoryEventStore store = new InMemoryEventStore();
        IncidentService service = new IncidentService(store, clock);
        IncidentId id = service.declare(
                        new Declaration("Checkout errors in EU", Severity.SEV1, "", Optional.empty(), "Ana"), "Ana")
                .incidentId();
        List<Event> notes = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            Instant at = T0.plusSeconds(i);
            notes.add(Event.of(Event.newId(), id, at, at, "scribe", new TimelineEvent.Note("note " + i)));
        }
        service.importEvents(notes);
        clock.set(T0.plus(Duration.ofHours(3)));
        DirectTaskRunner tasks = new DirectTaskRunner();
        IncidentViewModel incident = new IncidentViewModel(service, tasks, clock, Map.of());
        SettingsViewModel settings = new SettingsViewModel(
                Settings.defaults().withAuthorName("Ana"), new SettingsFile(dir), PolicyFile.defaults(), tasks);
        TimelineViewModel timeline = new TimelineViewModel(incident, settings, clock, tasks);
        MainWindowViewModel window = new MainWindowViewModel(incident, settings, timeline, dir, clock);
        window.start(shown -> {});
        Heartbeat heartbeat = new Heartbeat();
        heartbeat.onTick(window::render);
        store.resetCounts();

        for (int i = 0; i < 60; i++) {
            clock.advance(Duration.ofSeconds(1));
            heartbeat.tick();
        }

        assertThat(store.calls("read")).isZero();
        assertThat(store.calls("append")).isZero();
        assertThat(window.clockTextProperty().get()).isEqualTo("17:01:00 UTC");
        assertThat(incident.nowProperty().get()).isEqualTo(clock.instant());
        assertThat(timeline.totalRows()).isEqualTo(entries + 1);
    }

    @Test
    void aBeatRendersThenStartsTheChecksThatAreDue() {
        Heartbeat heartbeat = new Heartbeat();
        List<String> order = new ArrayList<>();
        AtomicInteger probes = new AtomicInteger();
        heartbeat.onTick(() -> order.add("render"));
        heartbeat.every(1, () -> order.add("follow"));
        heartbeat.every(10, probes::incrementAndGet);

        for (int i = 0; i < 21; i++) {
            heartbeat.beat();
        }

        assertThat(order.subList(0, 4)).containsExactly("render", "follow", "render", "follow");
        assertThat(probes.get()).as("on beats 0, 10 and 20").isEqualTo(3);
    }

    @Test
    void aHeaderChangeFromThisConsoleRendersWithoutAnotherRead() {
        InMemoryEventStore store = new InMemoryEventStore();
        IncidentService service = new IncidentService(store, clock);
        service.declare(new Declaration("Checkout errors in EU", Severity.SEV2, "", Optional.empty(), "Ana"), "Ana");
        DirectTaskRunner tasks = new DirectTaskRunner();
        IncidentViewModel incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana");
        incident.loadInitial(e -> {});
        store.resetCounts();

        incident.changeHeader(
                new HeaderCommand.ChangeSeverity(Severity.SEV1, Optional.empty(), Optional.empty()),
                e -> {},
                e -> {},
                e -> {});

        assertThat(incident.current().orElseThrow().severity()).isEqualTo(Severity.SEV1);
        assertThat(incident.incidents().get(0).severity()).isEqualTo(Severity.SEV1);
        assertThat(store.calls("read"))
                .as("the writer's one read; nothing re-read for the screen")
                .isEqualTo(1);
        assertThat(store.calls("append")).isEqualTo(1);
    }
}
