package dev.conn.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.Payload;
import dev.conn.incident.Severity;
import dev.conn.platform.fx.FxTaskRunner;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsFile;
import dev.conn.testing.MutableClock;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.ui.TimelineCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long incident stays a virtualized list: only the visible rows get nodes, however far one scrolls. */
@ExtendWith(ApplicationExtension.class)
class LargeIncidentViewTest {
    private static final int EVENTS = 100_000;
    private static final Instant T0 = Instant.parse("2026-11-21T04:00:00Z");

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("conn-large");
        new SettingsFile(dir).save(Settings.defaults().withAuthorName("Ana Ops"));
        MutableClock clock = new MutableClock(T0);
        context = AppContext.open(dir, clock, new FxTaskRunner(), new FxTaskRunner("conn-net"));
        IncidentId id = context.incidents()
                .declare(new Declaration("Long outage", Severity.SEV1, "", Optional.empty(), "Ana Ops"), "Ana Ops")
                .incidentId();
        List<Event> batch = new ArrayList<>();
        for (int i = 1; i < EVENTS; i++) {
            Instant at = T0.plus(Duration.ofMillis(360L * i));
            batch.add(new Event(Event.newId(), id, at, at, "scribe", EventType.NOTE, Payload.of("text", "note " + i)));
        }
        context.incidents().importEvents(batch);
        clock.set(T0.plus(Duration.ofHours(11)));
        context.showIn(stage);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        context.close();
    }

    @Test
    void hundredThousandEventIncidentCreatesOnlyVisibleRowNodes(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<TimelineEntry> list = robot.lookup("#timelineList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> list.getItems().size() == EVENTS);

        robot.interact(() -> list.scrollTo(EVENTS / 2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> list.scrollTo(EVENTS - 1));
        WaitForAsyncUtils.waitForFxEvents();

        int cells = robot.lookup(n -> n instanceof TimelineCell).queryAll().size();
        assertThat(cells).isBetween(1, 200);
        assertThat(list.getItems().get(0).text()).isEqualTo("note 99999");
    }
}
