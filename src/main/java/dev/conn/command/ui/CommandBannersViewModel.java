package dev.conn.command.ui;

import dev.conn.command.Acknowledgement;
import dev.conn.command.Handoff;
import dev.conn.command.HandoffCommand;
import dev.conn.command.HandoffState;
import dev.conn.command.LeaderlessInterval;
import dev.conn.command.PeopleFold;
import dev.conn.command.Roster;
import dev.conn.command.UtcTime;
import dev.conn.incident.AckMethod;
import dev.conn.incident.ui.IncidentViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The command banners of the open incident: nobody in command, a hand-off waiting for its
 * acknowledgement (with countdown and read-back code), and an expired hand-off. It keeps the
 * incident's people folded ({@link PeopleFold}, fed as events arrive), re-renders the countdown on
 * each 1-second tick from that folded state, and on the tick sends {@link HandoffCommand.ExpireDue}
 * once an offer's timeout has passed. Acknowledge, decline and withdraw are sent as typed commands.
 * FX thread only.
 */
public final class CommandBannersViewModel {
    private final IncidentViewModel incident;
    private final CommandSender sender;
    private final PeopleFold fold;
    private final Set<String> dismissedExpiries = new HashSet<>();
    private boolean expiring;

    private final ReadOnlyBooleanWrapper leaderless = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper leaderlessText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Handoff> pendingHandoff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper handoffText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handoffCountdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handoffCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Handoff> expiredHandoff = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper expiredText = new ReadOnlyStringWrapper("");

    /**
     * Starts following the open incident at once.
     *
     * @param incident the open incident, its events and the 1-second tick
     * @param sender sends commands off the FX thread
     * @param ackTimeout the policy hand-off ACK timeout
     */
    CommandBannersViewModel(IncidentViewModel incident, CommandSender sender, Duration ackTimeout) {
        this.incident = incident;
        this.sender = sender;
        this.fold = new PeopleFold(ackTimeout);
        new PeopleFeed(incident, fold, () -> render(now()));
        incident.nowProperty().addListener((o, was, now) -> {
            render(now);
            expireDue(now);
        });
        incident.currentProperty().addListener((o, was, now) -> renderLeaderless());
        render(now());
    }

    /** @return true while the open incident has nobody in command */
    public ReadOnlyBooleanProperty leaderlessProperty() {
        return leaderless.getReadOnlyProperty();
    }

    /** @return the leaderless banner text, or empty */
    public ReadOnlyStringProperty leaderlessTextProperty() {
        return leaderlessText.getReadOnlyProperty();
    }

    /** @return the first hand-off waiting for acknowledgement, or null */
    public ReadOnlyObjectProperty<Handoff> pendingHandoffProperty() {
        return pendingHandoff.getReadOnlyProperty();
    }

    /** @return e.g. "Hand-off of Incident Commander to Bob pending ACK", or empty */
    public ReadOnlyStringProperty handoffTextProperty() {
        return handoffText.getReadOnlyProperty();
    }

    /** @return time left to acknowledge as {@code m:ss}, or empty */
    public ReadOnlyStringProperty handoffCountdownProperty() {
        return handoffCountdown.getReadOnlyProperty();
    }

    /** @return e.g. "· read-back code K7-DELTA", or empty */
    public ReadOnlyStringProperty handoffCodeProperty() {
        return handoffCode.getReadOnlyProperty();
    }

    /** @return the latest expired hand-off not yet dismissed or re-offered, or null */
    public ReadOnlyObjectProperty<Handoff> expiredHandoffProperty() {
        return expiredHandoff.getReadOnlyProperty();
    }

    /** @return the expiry banner text, or empty */
    public ReadOnlyStringProperty expiredTextProperty() {
        return expiredText.getReadOnlyProperty();
    }

    /** @return the roster as folded now (for "Offer again" to find the receiver) */
    public Roster roster() {
        return fold.roster();
    }

    private Instant now() {
        return incident.nowProperty().get();
    }

    private void render(Instant now) {
        renderLeaderless();
        renderHandoffs(now);
    }

    private void renderLeaderless() {
        Optional<LeaderlessInterval> gap =
                incident.current().isPresent() ? fold.roster().currentLeaderlessInterval() : Optional.empty();
        leaderless.set(gap.isPresent());
        leaderlessText.set(gap.map(g -> "No incident commander since " + UtcTime.hhmm(g.start()) + " ("
                        + g.reason().description() + "). Assign command or hand off.")
                .orElse(""));
    }

    private void renderHandoffs(Instant now) {
        List<Handoff> pending = fold.handoffs().pending(now);
        if (pending.isEmpty()) {
            pendingHandoff.set(null);
            handoffText.set("");
            handoffCountdown.set("");
            handoffCode.set("");
        } else {
            Handoff h = pending.get(0);
            pendingHandoff.set(h);
            String more = pending.size() > 1 ? " (+" + (pending.size() - 1) + " more)" : "";
            handoffText.set("Hand-off of " + h.role().label() + " to " + h.to() + " pending ACK");
            handoffCountdown.set(Countdowns.minutesSeconds(h.remainingAt(now)));
            handoffCode.set("· read-back code " + h.readBackCode().value() + more);
        }
        Optional<Handoff> expired = latestExpired(now);
        expiredHandoff.set(expired.orElse(null));
        expiredText.set(expired.map(h -> "Hand-off to " + h.to() + " expired at "
                        + UtcTime.hhmm(h.closedAt().orElse(h.expiresAt())) + " — " + h.from() + " still holds "
                        + (h.role().isCommand() ? "command" : "the " + h.role().label() + " role") + ".")
                .orElse(""));
    }

    /** The newest expired offer, unless dismissed or followed by a newer offer of the same role. */
    private Optional<Handoff> latestExpired(Instant now) {
        List<Handoff> all = fold.handoffs().all();
        for (int i = all.size() - 1; i >= 0; i--) {
            Handoff h = all.get(i);
            if (h.stateAt(now) != HandoffState.EXPIRED || dismissedExpiries.contains(h.offerId())) {
                continue;
            }
            boolean reoffered = all.subList(i + 1, all.size()).stream().anyMatch(n -> n.role() == h.role());
            return reoffered ? Optional.empty() : Optional.of(h);
        }
        return Optional.empty();
    }

    /** Records the expiry of offers past their timeout, once, while no such request is in flight. */
    private void expireDue(Instant now) {
        if (expiring
                || fold.handoffs().dueForExpiry(now).isEmpty()
                || incident.current().isEmpty()) {
            return;
        }
        expiring = true;
        sender.send(new HandoffCommand.ExpireDue(), r -> expiring = false, error -> {
            expiring = false;
            sender.reportError(error);
        });
    }

    /** Hides the expired hand-off banner until another offer expires. */
    public void dismissExpired() {
        Handoff h = expiredHandoff.get();
        if (h != null) {
            dismissedExpiries.add(h.offerId());
            renderHandoffs(now());
        }
    }

    /**
     * The receiver acknowledges a pending offer.
     *
     * @param offerId the offer
     * @param method how
     * @param spokenCode the code read back, for {@link AckMethod#READ_BACK}
     * @param onAcknowledged given the acknowledgement and its announcement on the FX thread
     * @param onError told why on the FX thread if refused (e.g. a wrong code)
     */
    public void acknowledge(
            String offerId,
            AckMethod method,
            String spokenCode,
            Consumer<Acknowledgement> onAcknowledged,
            Consumer<String> onError) {
        sender.send(
                new HandoffCommand.Acknowledge(offerId, method, Optional.ofNullable(spokenCode)),
                r -> r.acknowledgement().ifPresent(onAcknowledged),
                onError);
    }

    /** @param offerId a pending offer the receiver declines */
    public void decline(String offerId) {
        sender.send(new HandoffCommand.Decline(offerId, Optional.empty()), r -> {}, sender::reportError);
    }

    /** @param offerId a pending offer the holder takes back */
    public void withdraw(String offerId) {
        sender.send(new HandoffCommand.Withdraw(offerId, Optional.empty()), r -> {}, sender::reportError);
    }

    /**
     * Shows a problem in the status bar, the one error channel.
     *
     * @param message what went wrong and what to do
     */
    public void reportError(String message) {
        sender.reportError(message);
    }
}
