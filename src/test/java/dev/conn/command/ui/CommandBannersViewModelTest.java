package dev.conn.command.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.command.Acknowledgement;
import dev.conn.command.HandoffCommand;
import dev.conn.command.HandoffOffer;
import dev.conn.command.PeopleService;
import dev.conn.command.RosterCommand;
import dev.conn.incident.AckMethod;
import dev.conn.incident.EventType;
import dev.conn.incident.Role;
import dev.conn.testing.ManualTaskRunner;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The command banners, kept folded, with the expiry sent from the tick. */
class CommandBannersViewModelTest {
    private final Screen screen = new Screen();
    private final CommandBannersViewModel banners = screen.banners();
    private final PeopleListViewModel people = screen.list();

    private String add(String name) {
        people.addResponder(name, Optional.empty(), Optional.empty(), screen.errors::add);
        return people.roster().responders().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private HandoffOffer offerCommandTo(String responderId) {
        AtomicReference<HandoffOffer> offer = new AtomicReference<>();
        people.offerHandoff(Role.INCIDENT_COMMANDER, responderId, Optional.empty(), offer::set);
        return offer.get();
    }

    private long stored(EventType type) {
        return screen.stored().stream().filter(t -> t == type).count();
    }

    @Test
    void anOfferShowsThePendingBannerWithCountdownAndCode() {
        HandoffOffer offer = offerCommandTo(add("Bob"));
        screen.tick(Duration.ofSeconds(1));

        assertThat(banners.pendingHandoffProperty().get()).isNotNull();
        assertThat(banners.handoffTextProperty().get()).isEqualTo("Hand-off of Incident Commander to Bob pending ACK");
        assertThat(banners.handoffCountdownProperty().get()).isEqualTo("4:59");
        assertThat(banners.handoffCodeProperty().get())
                .isEqualTo("· read-back code " + offer.code().value());
    }

    @Test
    void acknowledgingWithTheCodePassesCommandAndClearsTheBanner() {
        HandoffOffer offer = offerCommandTo(add("Bob"));
        AtomicReference<Acknowledgement> ack = new AtomicReference<>();

        banners.acknowledge(
                offer.handoff().offerId(), AckMethod.READ_BACK, offer.code().value(), ack::set, screen.errors::add);

        assertThat(ack.get().announcement())
                .isEqualTo("Everyone, be advised: at 14:00 UTC command passed from Ana Ops to Bob.");
        assertThat(banners.pendingHandoffProperty().get()).isNull();
        assertThat(screen.incident.current().orElseThrow().commander()).isEqualTo("Bob");
        assertThat(screen.errors).isEmpty();
    }

    @Test
    void aWrongCodeIsRefusedAndTheOfferStaysPending() {
        HandoffOffer offer = offerCommandTo(add("Bob"));

        banners.acknowledge(offer.handoff().offerId(), AckMethod.READ_BACK, "Z9-WRONG", a -> {}, screen.errors::add);

        assertThat(screen.errors).singleElement().asString().contains("not the code on the brief");
        assertThat(banners.pendingHandoffProperty().get()).isNotNull();
    }

    @Test
    void declineAndWithdrawClearTheBanner() {
        String bob = add("Bob");
        banners.decline(offerCommandTo(bob).handoff().offerId());
        assertThat(banners.pendingHandoffProperty().get()).isNull();

        banners.withdraw(offerCommandTo(bob).handoff().offerId());

        assertThat(banners.pendingHandoffProperty().get()).isNull();
        assertThat(screen.stored()).contains(EventType.HANDOFF_DECLINED, EventType.HANDOFF_WITHDRAWN);
        assertThat(screen.errors).isEmpty();
    }

    @Test
    void anOfferPastItsTimeoutIsRecordedAsExpiredOnceAndTheBannerSaysSo() {
        offerCommandTo(add("Bob"));

        screen.tick(Duration.ofMinutes(5).plusSeconds(1));
        screen.tick(Duration.ofSeconds(1));

        assertThat(stored(EventType.HANDOFF_EXPIRED)).isEqualTo(1);
        assertThat(banners.pendingHandoffProperty().get()).isNull();
        assertThat(banners.expiredTextProperty().get())
                .isEqualTo("Hand-off to Bob expired at 14:05 UTC — Ana Ops still holds command.");
        assertThat(screen.incident.current().orElseThrow().commander()).isEqualTo("Ana Ops");
    }

    @Test
    void dismissingTheExpiryHidesItsBanner() {
        offerCommandTo(add("Bob"));
        screen.tick(Duration.ofMinutes(6));

        banners.dismissExpired();

        assertThat(banners.expiredHandoffProperty().get()).isNull();
        assertThat(banners.expiredTextProperty().get()).isEmpty();
    }

    @Test
    void expiryRunsOnceWhileTheFirstRequestIsInFlight() {
        offerCommandTo(add("Bob"));
        ManualTaskRunner manual = new ManualTaskRunner();
        Screen other = new Screen(screen.store, screen.clock, manual);
        other.incident.open(screen.incident.current().orElseThrow().id());
        manual.runAll();
        CommandBannersViewModel slow = other.banners();

        screen.clock.advance(Duration.ofMinutes(6));
        other.incident.tick();
        screen.clock.advance(Duration.ofSeconds(1));
        other.incident.tick();

        assertThat(manual.pending()).isEqualTo(1);
        manual.runNext();
        assertThat(slow.expiredHandoffProperty().get()).isNotNull();
        assertThat(stored(EventType.HANDOFF_EXPIRED)).isEqualTo(1);
    }

    @Test
    void theCommanderLeavingWithoutHandOffIsLeaderless() {
        String ana = add("Ana Ops");
        assertThat(banners.leaderlessProperty().get()).isFalse();

        screen.tick(Duration.ofMinutes(2));
        people.leave(ana);

        assertThat(banners.leaderlessProperty().get()).isTrue();
        assertThat(banners.leaderlessTextProperty().get())
                .isEqualTo("No incident commander since 14:02 UTC (the Incident Commander left without a hand-off)."
                        + " Assign command or hand off.");
    }

    @Test
    void anotherConsolesHandOffReachesTheBannersAsItsEventsArrive() {
        String bob = add("Bob");
        // Dana's console is another process on the same log: its appends are not published here
        PeopleService otherConsole = PeopleService.create(
                new dev.conn.incident.IncidentService(screen.store.otherProcess(), screen.clock),
                Screen.TIMEOUT,
                new java.util.SplittableRandom(7),
                dev.conn.command.CommunicationDeadlines.NONE,
                screen.monitor);
        PeopleService.Result elsewhere = otherConsole.execute(
                screen.incident.current().orElseThrow().id(),
                HandoffCommand.Offer.of(Role.INCIDENT_COMMANDER, bob),
                "Dana");
        assertThat(banners.pendingHandoffProperty().get()).isNull(); // not seen yet

        screen.incident.accept(elsewhere.appended()); // what the log follower hands over

        assertThat(banners.handoffTextProperty().get()).isEqualTo("Hand-off of Incident Commander to Bob pending ACK");
        screen.incident.accept(otherConsole
                .execute(screen.incident.current().orElseThrow().id(), new RosterCommand.Leave(bob), "Dana")
                .appended());
        assertThat(banners.pendingHandoffProperty().get()).isNotNull(); // Bob left: the offer still waits
        assertThat(people.responders()).extracting(r -> r.presence()).containsExactly("ON DUTY", "LEFT");
    }
}
