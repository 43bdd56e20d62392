package dev.conn.impact.ui;

import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.impact.FetchToken;
import dev.conn.impact.ImpactService;
import dev.conn.impact.MetricSource;
import dev.conn.impact.SeriesResult;
import dev.conn.impact.net.MetricClients;
import dev.conn.incident.IncidentService;
import dev.conn.incident.Severity;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.platform.fx.SettingsSection;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.settings.ImpactSettings;
import dev.conn.settings.MonitoringSource;
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
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The impact feature's one entry point gives the shell the Impact tab, the Impact menu with its
 * shortcuts, the "Monitoring sources" settings section, and a close hook after which no source is
 * asked anything more.
 */
@ExtendWith(ApplicationExtension.class)
class ImpactFeatureTest {
    @TempDir
    static Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T14:02:00Z"));
    final AtomicInteger tests = new AtomicInteger();
    final List<String> shown = new CopyOnWriteArrayList<>();
    ImpactFeature feature;

    /** A source that answers "Test connection" and counts the times it was asked. */
    final class CountingSource implements MetricSource {
        @Override
        public String id() {
            return "prod";
        }

        @Override
        public SeriesResult queryRange(String query, Instant start, Instant end, Duration step, FetchToken token) {
            return new SeriesResult(List.of(), List.of(), "");
        }

        @Override
        public String testConnection() {
            tests.incrementAndGet();
            return "Prometheus API answered";
        }

        @Override
        public SeriesResult parse(String rawJson) {
            return new SeriesResult(List.of(), List.of(), rawJson);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        Path data = java.nio.file.Files.createTempDirectory(dir, "feature");
        DirectTaskRunner direct = new DirectTaskRunner();
        IncidentService incidents = new IncidentService(new InMemoryEventStore(), clock);
        Settings settings = Settings.defaults()
                .withAuthorName("ana")
                .withImpact(ImpactSettings.defaults()
                        .withSources(
                                List.of(MonitoringSource.prometheus("prod", "prod Prometheus", "http://127.0.0.1:9"))));
        SettingsFile file = new SettingsFile(data);
        file.save(settings);
        SettingsViewModel settingsModel = new SettingsViewModel(settings, file, PolicyFile.defaults(), direct);
        IncidentViewModel incident = new IncidentViewModel(incidents, direct, clock, new EnumMap<>(Severity.class));
        TimelineViewModel timeline = new TimelineViewModel(incident, settingsModel, clock, direct);
        CountingSource source = new CountingSource();
        ImpactService service = new ImpactService(
                new ImpactChartBehaviourTest.MemoryCache(), s -> source, MetricClients.parsers(), clock);
        feature = new ImpactFeature(
                incident,
                settingsModel,
                timeline,
                service,
                incidents.log(),
                direct,
                Platform::runLater,
                shown::add,
                clock);
        stage.show();
    }

    @Test
    void theContributionHasTheTabTheMenuAndTheSourcesSettings(FxRobot robot) {
        ShellContribution c = feature.contribution();

        assertThat(c.panels()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("impact");
            assertThat(p.title()).isEqualTo("Impact");
            assertThat(p.shortcut()).isEqualTo(KeyCombination.valueOf("Shortcut+Shift+I"));
        });
        assertThat(c.menus()).singleElement().satisfies(m -> {
            assertThat(m.getText()).isEqualTo("Impact");
            assertThat(m.getItems())
                    .extracting(MenuItem::getText)
                    .containsExactly(
                            "Add impact query…",
                            "Refresh impact graphs",
                            "Snapshot all impact graphs",
                            "Manage monitoring sources…");
            assertThat(m.getItems())
                    .extracting(MenuItem::getAccelerator)
                    .containsExactly(
                            KeyCombination.valueOf("Shortcut+Alt+I"),
                            KeyCombination.valueOf("F5"),
                            KeyCombination.valueOf("Shortcut+Alt+S"),
                            KeyCombination.valueOf("Shortcut+Alt+M"));
        });
        List<SettingsSection> sections = new ArrayList<>();
        robot.interact(() -> c.settingsSections().forEach(s -> sections.add(s.get())));
        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("Monitoring sources");
            List<String> texts = new ArrayList<>();
            robot.interact(() -> ((javafx.scene.Parent) s.node())
                    .getChildrenUnmodifiable()
                    .forEach(n -> {
                        if (n instanceof Label l) {
                            texts.add(l.getText());
                        }
                    }));
            assertThat(texts).contains("1 configured: prod Prometheus");
        });
        // a menu action shows the tab (the panel is built once)
        robot.interact(() -> c.menus().get(0).getItems().get(1).fire());
        assertThat(shown).containsExactly("impact");
    }

    @Test
    void afterCloseNoSourceIsAskedAnythingMore(FxRobot robot) throws Exception {
        ShellContribution c = feature.contribution();
        MonitoringSource prod = MonitoringSource.prometheus("prod", "prod Prometheus", "http://127.0.0.1:9");
        List<String> answers = new CopyOnWriteArrayList<>();
        robot.interact(() -> feature.model().testConnection(prod, answers::add, answers::add));
        waitUntil(() -> answers.size() == 1);
        assertThat(answers).containsExactly("Prometheus API answered");

        c.onClose().run();
        robot.interact(() -> feature.model().testConnection(prod, answers::add, answers::add));
        WaitForAsyncUtils.waitForFxEvents(5);

        assertThat(tests.get()).isEqualTo(1);
        assertThat(answers).hasSize(1);
    }
}
