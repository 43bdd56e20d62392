package dev.conn.command;

import dev.conn.incident.Role;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The loud, persistent banners at the top of the incident: nobody in command (red), a hand-off
 * waiting for acknowledgement with its countdown and read-back code, and an expired hand-off (red,
 * until dismissed or offered again). Each says in words what is wrong and what to do.
 */
public final class CommandBannerView {
    private final PeopleViewModel model;
    private final PeopleView people;

    @FXML
    private VBox leaderlessBanner;

    @FXML
    private Label leaderlessText;

    @FXML
    private VBox handoffBanner;

    @FXML
    private Label handoffText;

    @FXML
    private Label handoffCountdown;

    @FXML
    private Label handoffCode;

    @FXML
    private VBox expiredBanner;

    @FXML
    private Label expiredText;

    /**
     * @param model the people of the open incident
     * @param people runs the dialogs the banners' buttons open
     */
    public CommandBannerView(PeopleViewModel model, PeopleView people) {
        this.model = model;
        this.people = people;
    }

    @FXML
    private void initialize() {
        show(leaderlessBanner, model.leaderlessProperty());
        leaderlessText.textProperty().bind(model.leaderlessTextProperty());
        show(handoffBanner, model.pendingHandoffProperty().isNotNull());
        handoffText.textProperty().bind(model.handoffTextProperty());
        handoffCountdown.textProperty().bind(model.handoffCountdownProperty());
        handoffCode.textProperty().bind(model.handoffCodeProperty());
        show(expiredBanner, model.expiredHandoffProperty().isNotNull());
        expiredText.textProperty().bind(model.expiredTextProperty());
    }

    private static void show(VBox banner, javafx.beans.value.ObservableValue<Boolean> when) {
        banner.visibleProperty().bind(when);
        banner.managedProperty().bind(when);
    }

    @FXML
    private void onAssignCommand() {
        people.assignRole(Optional.of(Role.INCIDENT_COMMANDER));
    }

    @FXML
    private void onAcknowledge() {
        people.acknowledgeHandoff();
    }

    @FXML
    private void onDecline() {
        people.declineHandoff();
    }

    @FXML
    private void onWithdraw() {
        people.withdrawHandoff();
    }

    @FXML
    private void onOfferAgain() {
        Handoff h = model.expiredHandoffProperty().get();
        if (h != null) {
            people.offerHandoff(Optional.of(h.role()), model.roster().responder(h.toId()));
        }
    }

    @FXML
    private void onDismissExpired() {
        model.dismissExpired();
    }
}
