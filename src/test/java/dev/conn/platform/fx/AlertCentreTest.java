package dev.conn.platform.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.AlertCentre.Draft;
import dev.conn.platform.fx.AlertCentre.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCentreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    private final AlertCentre centre = new AlertCentre(Clock.fixed(T0, ZoneOffset.UTC));
    private final List<String> announced = new ArrayList<>();

    {
        centre.onRaised(a -> announced.add(a.key()));
    }

    @Test
    void theSameKeyPostedTwiceIsOneAlertAnnouncedOnce() {
        centre.post("task:1", Level.WARNING, "Check-back overdue: Bob", "was due 14:05 UTC");
        centre.post("task:1", Level.WARNING, "Check-back overdue: Bob", "was due 14:05 UTC (10 min)");

        assertThat(centre.alerts()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("was due 14:05 UTC (10 min)");
            assertThat(a.raisedAt()).isEqualTo(T0);
        });
        assertThat(announced).containsExactly("task:1");
    }

    @Test
    void acknowledgingTakesItOutOfTheBadgeButKeepsItListed() {
        centre.post("a", Level.WARNING, "A", "a");
        centre.post("b", Level.INFO, "B", "b");
        assertThat(centre.unacknowledgedCount().get()).isEqualTo(2);

        centre.acknowledge("a");

        assertThat(centre.unacknowledgedCount().get()).isEqualTo(1);
        assertThat(centre.alerts()).extracting(AlertCentre.Alert::key).containsExactly("b", "a");
    }

    @Test
    void anEscalatedAlertCountsAndIsAnnouncedAgain() {
        centre.post("fatigue:r1", Level.WARNING, "Fatigue: Bob", "break suggested");
        centre.acknowledge("fatigue:r1");

        centre.post("fatigue:r1", Level.CRITICAL, "Fatigue: Bob", "hand-off urged");

        assertThat(centre.unacknowledgedCount().get()).isEqualTo(1);
        assertThat(announced).containsExactly("fatigue:r1", "fatigue:r1");
    }

    @Test
    void syncClearsTheSourcesAlertsThatAreOverAndLeavesOthers() {
        centre.post("comms:x", Level.CRITICAL, "Not delivered", "Slack");
        centre.sync(
                "task:",
                List.of(
                        new Draft("task:1", Level.WARNING, "T1", "t1"),
                        new Draft("task:2", Level.WARNING, "T2", "t2")));

        centre.sync("task:", List.of(new Draft("task:2", Level.WARNING, "T2", "t2")));

        assertThat(centre.alerts()).extracting(AlertCentre.Alert::key).containsExactlyInAnyOrder("task:2", "comms:x");
    }
}
