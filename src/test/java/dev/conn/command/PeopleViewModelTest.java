package dev.conn.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.AckMethod;
import dev.conn.incident.Declaration;
import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.FatigueLevel;
import dev.conn.incident.IncidentService;
import dev.conn.incident.IncidentViewModel;
import dev.conn.incident.Role;
import dev.conn.incident.Severity;
import dev.conn.platform.db.Database;
import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.PolicyFile;
import dev.conn.testing.ManualTaskRunner;
import dev.conn.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people view model over a real H2 store, with every background task run on this thread. */
class PeopleViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> errors = new ArrayList<>();
    private Database db;
    private IncidentService service;
    private CommandService commands;
    private IncidentViewModel incident;
    private PeopleViewModel people;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new IncidentService(EventStore.jdbc(db.dataSource()), clock);
        commands = new CommandService(service, PolicyFile.defaults().handoff(), new SplittableRandom(7));
        DirectTaskRunner tasks = new DirectTaskRunner();
        incident = new IncidentViewModel(service, tasks, clock, Map.of());
        incident.authorProperty().set("Ana Ops");
        incident.lastErrorProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                errors.add(now);
            }
        });
        people = new PeopleViewModel(incident, service, commands, tasks, PolicyFile.defaults(), ZoneOffset.UTC);
        incident.declare(
                new Declaration("Checkout errors", Severity.SEV1, "", Optional.empty(), ""), "Ana Ops", errors::add);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String add(String name) {
        people.addResponder(name, Optional.empty(), Optional.empty(), errors::add);
        return people.roster().responders().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void tick(Duration d) {
        clock.advance(d);
        incident.tick();
    }

    private List<EventType> stored() {
        return service.timeline(incident.current().orElseThrow().id()).stream()
                .map(Event::type)
                .toList();
    }

    @Test
    void anAddedResponderAppearsOnTheRosterAtOnce() {
        add("Bob");

        assertThat(people.responders()).singleElement().satisfies(r -> {
            assertThat(r.responder().name()).isEqualTo("Bob");
            assertThat(r.presence()).isEqualTo("ON DUTY");
            assertThat(r.continuousDuty()).isEqualTo("0:00");
        });
        assertThat(incident.events()).extracting(Event::type).contains(EventType.RESPONDER_JOINED);
        assertThat(errors).isEmpty();
    }

    @Test
    void anOfferShowsThePendingBannerWithCountdownAndCode() {
        String bob = add("Bob");
        AtomicReference<HandoffOffer> offer = new AtomicReference<>();

        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, offer::set);
        tick(Duration.ofSeconds(1));

        assertThat(people.pendingHandoffProperty().get()).isNotNull();
        assertThat(people.handoffTextProperty().get()).isEqualTo("Hand-off of Incident Commander to Bob pending ACK");
        assertThat(people.handoffCountdownProperty().get()).isEqualTo("4:59");
        assertThat(people.handoffCodeProperty().get())
                .contains(offer.get().code().value());
    }

    @Test
    void acknowledgingWithTheCodePassesCommandAndClearsTheBanner() {
        String bob = add("Bob");
        AtomicReference<HandoffOffer> offer = new AtomicReference<>();
        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, offer::set);
        AtomicReference<Acknowledgement> ack = new AtomicReference<>();

        people.acknowledge(
                offer.get().handoff().offerId(),
                AckMethod.READ_BACK,
                offer.get().code().value(),
                ack::set,
                errors::add);

        assertThat(ack.get().announcement()).contains("Bob");
        assertThat(people.pendingHandoffProperty().get()).isNull();
        assertThat(incident.current().orElseThrow().commander()).isEqualTo("Bob");
        assertThat(errors).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedAndTheOfferStaysPending() {
        String bob = add("Bob");
        AtomicReference<HandoffOffer> offer = new AtomicReference<>();
        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, offer::set);

        people.acknowledge(offer.get().handoff().offerId(), AckMethod.READ_BACK, "Z9-WRONG", a -> {}, errors::add);

        assertThat(errors).singleElement().asString().contains("not the code on the brief");
        assertThat(people.pendingHandoffProperty().get()).isNotNull();
    }

    @Test
    void anOfferPastItsTimeoutIsRecordedAsExpiredOnceAndTheBannerSaysSo() {
        String bob = add("Bob");
        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, o -> {});

        tick(Duration.ofMinutes(5).plusSeconds(1));
        tick(Duration.ofSeconds(1));

        assertThat(stored().stream().filter(t -> t == EventType.HANDOFF_EXPIRED))
                .hasSize(1);
        assertThat(people.pendingHandoffProperty().get()).isNull();
        assertThat(people.expiredTextProperty().get())
                .isEqualTo("Hand-off to Bob expired at 14:05 UTC — Ana Ops still holds command.");
        assertThat(incident.current().orElseThrow().commander()).isEqualTo("Ana Ops");
    }

    @Test
    void dismissingTheExpiryHidesItsBanner() {
        String bob = add("Bob");
        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, o -> {});
        tick(Duration.ofMinutes(6));

        people.dismissExpired();

        assertThat(people.expiredHandoffProperty().get()).isNull();
        assertThat(people.expiredTextProperty().get()).isEmpty();
    }

    @Test
    void expiryRunsOnceWhileTheFirstRequestIsInFlight() {
        String bob = add("Bob");
        people.offerHandoff(Role.INCIDENT_COMMANDER, bob, o -> {});
        IncidentViewModel other = new IncidentViewModel(service, new DirectTaskRunner(), clock, Map.of());
        other.authorProperty().set("Ana Ops");
        other.open(incident.current().orElseThrow().id());
        ManualTaskRunner manual = new ManualTaskRunner();
        PeopleViewModel slow =
                new PeopleViewModel(other, service, commands, manual, PolicyFile.defaults(), ZoneOffset.UTC);

        clock.advance(Duration.ofMinutes(6));
        other.tick();
        clock.advance(Duration.ofSeconds(1));
        other.tick();

        assertThat(manual.pending()).isEqualTo(1);
        manual.runNext();
        assertThat(slow.expiredHandoffProperty().get()).isNotNull();
        assertThat(stored().stream().filter(t -> t == EventType.HANDOFF_EXPIRED))
                .hasSize(1);
    }

    @Test
    void theCommanderLeavingWithoutHandOffIsLeaderless() {
        String ana = add("Ana Ops");
        assertThat(people.leaderlessProperty().get()).isFalse();

        tick(Duration.ofMinutes(2));
        people.leave(ana);

        assertThat(people.leaderlessProperty().get()).isTrue();
        assertThat(people.leaderlessTextProperty().get())
                .startsWith("No incident commander since 14:02 UTC (")
                .endsWith("Assign command or hand off.");
    }

    @Test
    void ninetyOneMinutesOnDutyRaisesOneBreakAlertAndRecordsIt() {
        add("Bob");

        tick(Duration.ofMinutes(91));
        tick(Duration.ofSeconds(1));

        assertThat(people.fatigueAlerts()).singleElement().satisfies(a -> {
            assertThat(a.crossing().level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
            assertThat(a.text()).contains("Bob").contains("break");
        });
        assertThat(stored().stream().filter(t -> t == EventType.FATIGUE_ALERTED))
                .hasSize(1);
        assertThat(people.responders().get(0).level()).isEqualTo(FatigueLevel.BREAK_SUGGESTED);
        assertThat(people.responders().get(0).continuousDuty()).isEqualTo("1:31");
    }

    @Test
    void aTaskCountsDownThenShowsOverdue() {
        String bob = add("Bob");
        people.assignTask(bob, "check the DB failover", Duration.ofMinutes(3), errors::add);

        tick(Duration.ofMinutes(1));
        assertThat(people.tasks()).singleElement().satisfies(t -> {
            assertThat(t.countdown()).isEqualTo("2:00");
            assertThat(t.overdue()).isFalse();
        });

        tick(Duration.ofMinutes(3));
        assertThat(people.tasks().get(0).overdue()).isTrue();
        assertThat(people.tasks().get(0).countdown()).isEqualTo("OVERDUE 1:00");

        people.completeTask(people.tasks().get(0).task().taskId());
        assertThat(people.tasks().get(0).countdown()).isEqualTo("DONE");
    }

    @Test
    void aTaskWhoseAssigneeLeftIsFlaggedUnownedNotJustOverdue() {
        String bob = add("Bob");
        people.assignTask(bob, "check the DB failover", Duration.ofMinutes(3), errors::add);

        people.leave(bob);
        tick(Duration.ofSeconds(1));

        assertThat(people.tasks()).singleElement().satisfies(t -> {
            assertThat(t.countdown()).isEqualTo("UNOWNED: Bob left; reassign or cancel");
            assertThat(t.overdue()).isTrue(); // the IC is alerted straight away, not at check-back time
        });
        people.cancelTask(people.tasks().get(0).task().taskId());
        assertThat(people.tasks().get(0).countdown()).isEqualTo("CANCELLED");
        assertThat(errors).isEmpty();
    }

    @Test
    void formatsCountdownsAndDuty() {
        assertThat(PeopleViewModel.minutesSeconds(Duration.ofSeconds(299))).isEqualTo("4:59");
        assertThat(PeopleViewModel.minutesSeconds(Duration.ofSeconds(-3))).isEqualTo("0:00");
        assertThat(PeopleViewModel.hoursMinutes(Duration.ofMinutes(92))).isEqualTo("1:32");
    }
}
