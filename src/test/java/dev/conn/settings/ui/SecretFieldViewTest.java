package dev.conn.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.platform.fx.DirectTaskRunner;
import dev.conn.settings.SecretRef;
import dev.conn.settings.SecretResolver;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SecretFieldViewTest {
    private SecretFieldView secret;
    private TextField other;

    @Start
    void start(Stage stage) {
        secret = new SecretFieldView(
                "Slack webhook",
                SecretRef.env("SLACK_WEBHOOK"),
                SecretResolver.SecretStore.unavailable(),
                new DirectTaskRunner(),
                "slack-webhook");
        other = new TextField();
        stage.setScene(new Scene(new VBox(secret, other), 500, 200));
        stage.show();
    }

    @Test
    void showsTheReferenceNeverASecret(FxRobot robot) {
        assertThat(secret.referenceField().getText()).isEqualTo("env:SLACK_WEBHOOK");
        assertThat(secret.valueProperty().get()).isEqualTo(SecretRef.env("SLACK_WEBHOOK"));
        assertThat(secret.validate()).isEmpty();
    }

    @Test
    void aPastedWebhookUrlIsWipedWhenFocusLeavesAndTheMessageSaysWhatToWrite(FxRobot robot) {
        robot.interact(() -> {
            secret.referenceField().requestFocus();
            secret.referenceField().setText("https://hooks.slack.com/services/T0/B0/XYZ");
        });
        assertThat(secret.validate()).hasValueSatisfying(m -> assertThat(m).startsWith("Slack webhook: write env:"));

        robot.interact(other::requestFocus);

        assertThat(secret.referenceField().getText()).isEmpty();
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(l -> assertThat(l.getText()).startsWith("Slack webhook: not kept."));
    }
}
