package dev.conn.command.ui;

import dev.conn.incident.Role;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The loud, persistent banners at the top of the incident ({@code CommandBannerView.fxml}): nobody
 * in command (red), a hand-off waiting for acknowledgement with its countdown and read-back code,
 * and an expired hand-off (red, until dismissed or offered again). Each says in words what is
 * wrong and what to do. Binds {@link CommandBannersViewModel}; its buttons open {@link
 * PeopleActions}' dialogs.
 */
public final class CommandBannerView {
    private final CommandBannersViewModel model;
    private final PeopleActions actions;

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
     * @param model the banners' state
     * @param actions runs the dialogs the banners' buttons open
     */
    CommandBannerView(CommandBannersViewModel model, PeopleActions actions) {
        this.model = model;
        this.actions = actions;
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
        // a flow pane gives a label its one-line width: a long name ran past the window's edge
        for (Label l : new Label[] {leaderlessText, handoffText, expiredText}) {
            if (l.getParent() instanceof javafx.scene.layout.Region line) {
                l.maxWidthProperty()
                        .bind(line.widthProperty().subtract(line.snappedLeftInset() + line.snappedRightInset() + 1));
            }
        }
    }

    private static void show(VBox banner, ObservableValue<Boolean> when) {
        banner.visibleProperty().bind(when);
        banner.managedProperty().bind(when);
    }

    @FXML
    private void onAssignCommand() {
        actions.assignRole(Optional.of(Role.INCIDENT_COMMANDER));
    }

    @FXML
    private void onAcknowledge() {
        actions.acknowledgeHandoff();
    }

    @FXML
    private void onDecline() {
        actions.declineHandoff();
    }

    @FXML
    private void onWithdraw() {
        actions.withdrawHandoff();
    }

    @FXML
    private void onOfferAgain() {
        actions.offerAgain();
    }

    @FXML
    private void onDismissExpired() {
        model.dismissExpired();
    }
}
