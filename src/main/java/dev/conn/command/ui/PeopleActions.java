package dev.conn.command.ui;

import dev.conn.command.Handoff;
import dev.conn.command.Presence;
import dev.conn.command.Responder;
import dev.conn.incident.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The people actions with their dialogs, for the People menu, the People panel and the command
 * banners alike: each shows the People panel (building it the first time), asks what it needs and
 * hands the answer to a view model, which sends the typed command. No logic worth testing.
 */
public final class PeopleActions {
    private final PeopleListViewModel people;
    private final CommandBannersViewModel banners;
    private final Supplier<Window> owner;
    private final Runnable showPanel;
    private Supplier<Optional<Responder>> selected = Optional::empty;
    private BiConsumer<String, String> briefSender;

    /**
     * @param people the People panel's lists and actions
     * @param banners the command banners (the pending hand-off)
     * @param owner the window dialogs belong to
     * @param showPanel shows the People panel, building it the first time
     */
    PeopleActions(
            PeopleListViewModel people, CommandBannersViewModel banners, Supplier<Window> owner, Runnable showPanel) {
        this.people = people;
        this.banners = banners;
        this.owner = owner;
        this.showPanel = showPanel;
    }

    /** @param selection the responder selected in the People panel, once it is built */
    void useSelection(Supplier<Optional<Responder>> selection) {
        this.selected = selection;
    }

    /**
     * Lets the hand-off brief be sent through a message channel (the comms composer, given a
     * subject and the brief), besides being read aloud or copied. Set by the composition root, so
     * {@code command} does not depend on {@code comms}.
     *
     * @param sender opens the composer with a subject and a body (FX thread)
     */
    void sendBriefsWith(BiConsumer<String, String> sender) {
        this.briefSender = sender;
    }

    private Window window() {
        return owner.get();
    }

    private Optional<Responder> selectedResponder() {
        return selected.get();
    }

    private Optional<Responder> requireSelected() {
        Optional<Responder> r = selectedResponder();
        if (r.isEmpty()) {
            people.reportError("Select a responder in the People panel first (Ctrl+Shift+P)");
        }
        return r;
    }

    /** Asks for a new responder and adds them. */
    public void addResponder() {
        showPanel.run();
        new AddResponderDialog(window())
                .showAndWait()
                .ifPresent(a -> people.addResponder(a.name(), a.handle(), a.timeZone(), people::reportError));
    }

    /**
     * Asks for a role and a responder, and gives the role directly.
     *
     * @param role the role preselected, if any
     */
    public void assignRole(Optional<Role> role) {
        showPanel.run();
        new RoleChoiceDialog(
                        window(),
                        "Assign role",
                        "Give a role directly: delegate a role the IC holds, add a subject matter expert,"
                                + " or take command while nobody is in command.",
                        "Assign role",
                        List.of(Role.values()),
                        people.onDuty(),
                        role,
                        selectedResponder())
                .showAndWait()
                .ifPresent(a -> people.assignRole(a.role(), a.responder().id()));
    }

    /**
     * Asks for a role and a receiver, shows the brief and the read-back code to read out, then
     * records the offer with that code.
     *
     * @param role the role preselected, if any (default: command)
     * @param to the receiver preselected, if any (default: the designated next IC)
     */
    public void offerHandoff(Optional<Role> role, Optional<Responder> to) {
        showPanel.run();
        List<Role> roles = Arrays.stream(Role.values())
                .filter(r -> !r.allowsSeveralHolders())
                .toList();
        new RoleChoiceDialog(
                        window(),
                        "Offer hand-off",
                        "The holder keeps the role until the receiver acknowledges by reading back the code"
                                + " on the brief. A brief and a fresh code are made when you offer.",
                        "Offer hand-off",
                        roles,
                        people.onDuty(),
                        role.or(() -> Optional.of(Role.INCIDENT_COMMANDER)),
                        to.or(people::nextCommander))
                .showAndWait()
                .ifPresent(a -> people.previewHandoff(a.role(), a.responder().id(), preview -> {
                    // the holder reads the brief before offering; the offer keeps this code, so a
                    // brief read aloud from here is the one the receiver reads back
                    String name = a.responder().name();
                    CopyTextDialog brief = new CopyTextDialog(
                            window(),
                            "Hand-off brief for " + name,
                            "Read this brief to " + name + ", then offer. " + name + " acknowledges by reading back "
                                    + preview.code().value() + "; you keep the role until then.",
                            preview.brief().text(),
                            "Copy brief",
                            Optional.of("Offer hand-off"));
                    brief.getDialogPane().setId("brief-dialog");
                    if (briefSender != null) {
                        String subject = "Hand-off brief: " + a.role().label() + " to " + name;
                        brief.withAction(
                                "Send via channel…",
                                "send-brief",
                                () -> briefSender.accept(
                                        subject, preview.brief().text()));
                    }
                    brief.showAndWait()
                            .filter(CopyTextDialog.CONFIRM::equals)
                            .ifPresent(ok -> people.offerHandoff(
                                    a.role(), a.responder().id(), Optional.of(preview.code()), offer -> {}));
                }));
    }

    /** Opens the acknowledgement dialog for the first pending hand-off. */
    public void acknowledgeHandoff() {
        showPanel.run();
        Handoff h = banners.pendingHandoffProperty().get();
        if (h == null) {
            banners.reportError("No hand-off is waiting for acknowledgement; offer one first (Ctrl+Shift+H)");
            return;
        }
        acknowledge(h, "");
    }

    private void acknowledge(Handoff h, String problem) {
        new AcknowledgeHandoffDialog(window(), h, problem)
                .showAndWait()
                .ifPresent(a -> banners.acknowledge(
                        h.offerId(),
                        a.method(),
                        a.code(),
                        ack -> {
                            CopyTextDialog d = new CopyTextDialog(
                                    window(),
                                    "Hand-off acknowledged",
                                    "Announce the change in the incident channel"
                                            + (a.method().isWeak()
                                                    ? " (acknowledged by voice without the code: weaker)."
                                                    : "."),
                                    ack.announcement(),
                                    "Copy announcement");
                            d.getDialogPane().setId("announcement-dialog");
                            if (briefSender != null) { // announced where the incident is run (issue 14 item 12)
                                d.withAction(
                                        "Send via channel…",
                                        "send-announcement",
                                        () -> briefSender.accept(
                                                "Hand-off: " + h.role().label() + " is now " + h.to(),
                                                ack.announcement()));
                            }
                            d.show();
                        },
                        error -> Platform.runLater(() -> acknowledge(h, error))));
    }

    /** The receiver declines the first pending hand-off. */
    public void declineHandoff() {
        showPanel.run();
        Handoff h = banners.pendingHandoffProperty().get();
        if (h == null) {
            banners.reportError("No hand-off is waiting for an answer");
            return;
        }
        banners.decline(h.offerId());
    }

    /** The holder withdraws the first pending hand-off. */
    public void withdrawHandoff() {
        showPanel.run();
        Handoff h = banners.pendingHandoffProperty().get();
        if (h == null) {
            banners.reportError("No hand-off is waiting for an answer");
            return;
        }
        banners.withdraw(h.offerId());
    }

    /** Offers the role of the expired hand-off again, to the same receiver preselected. */
    public void offerAgain() {
        Handoff h = banners.expiredHandoffProperty().get();
        if (h != null) {
            offerHandoff(Optional.of(h.role()), banners.roster().responder(h.toId()));
        }
    }

    /** Starts or ends the break of the selected responder. */
    public void toggleBreak() {
        showPanel.run();
        requireSelected().ifPresent(r -> {
            if (r.presence() == Presence.ON_BREAK) {
                people.endBreak(r.id());
            } else {
                people.startBreak(r.id());
            }
        });
    }

    /** Asks for a task for a responder (the selected one preselected) and assigns it. */
    public void assignTask() {
        showPanel.run();
        new AssignTaskDialog(window(), people.onDuty(), selectedResponder())
                .showAndWait()
                .ifPresent(a -> people.assignTask(a.responder().id(), a.text(), a.checkBackIn(), people::reportError));
    }
}
