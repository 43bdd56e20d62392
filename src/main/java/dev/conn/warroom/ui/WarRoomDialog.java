package dev.conn.warroom.ui;

import dev.conn.platform.fx.TaskRunner;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.WarRoomSettings;
import dev.conn.settings.ui.SecretFieldView;
import dev.conn.warroom.PersonSeen;
import dev.conn.warroom.SyncState;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Incident &gt; War room…: where this console shares its incidents. The address (a PostgreSQL JDBC
 * URL; TLS with {@code sslmode=verify-full}), the database role, its password as a reference
 * ({@code env:NAME} or {@code keyring:NAME}, never the password), and the name the war room shows
 * for the person at this console. <em>Test connection</em> checks everything and creates nothing;
 * <em>Connect</em> saves and shares; <em>Disconnect</em> works solo (events wait to be shared at
 * the next Connect). Below: where sharing stands and who is in the war room.
 */
public final class WarRoomDialog extends Dialog<Void> {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final TextField url = new TextField();
    private final TextField role = new TextField();
    private final TextField name = new TextField();
    private final SecretFieldView password;
    private final Label result = new Label();
    private final WarRoomViewModel model;
    private final String personId;

    /**
     * @param owner the main window
     * @param model the war room
     * @param defaultName the name to propose (the console's author name)
     * @param keychain where "Store in keychain…" writes the password
     * @param tasks runs the keychain write off the FX thread
     * @param zone the zone of the clock on screen
     */
    public WarRoomDialog(
            Window owner,
            WarRoomViewModel model,
            String defaultName,
            SecretResolver.SecretStore keychain,
            TaskRunner tasks,
            ZoneId zone) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("War room");
        setHeaderText("Share this console's incidents with the team's other consoles, through the team's"
                + " PostgreSQL. Without a war room, Conn works alone, as ever.");
        Optional<WarRoomSettings> saved = model.saved();
        personId = saved.map(WarRoomSettings::personId).orElse(UUID.randomUUID().toString());
        url.setId("war-room-url");
        url.setPromptText("jdbc:postgresql://db.example:5432/conn?sslmode=verify-full");
        url.setText(saved.map(WarRoomSettings::jdbcUrl).orElse(""));
        role.setId("war-room-role");
        role.setPromptText("the database role, e.g. conn");
        role.setText(saved.map(WarRoomSettings::user).orElse(""));
        name.setId("war-room-name");
        name.setText(saved.map(WarRoomSettings::personName).orElse(defaultName));
        password = new SecretFieldView(
                "War room password",
                saved.flatMap(WarRoomSettings::passwordRef).orElse(null),
                keychain,
                tasks,
                "conn-war-room");
        password.referenceField().setId("war-room-password");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Address (JDBC URL)"), url);
        form.addRow(1, new Label("Database role"), role);
        form.addRow(2, new Label("Password"), password);
        form.addRow(3, new Label("Your name in the war room"), name);
        GridPane.setHgrow(url, Priority.ALWAYS);
        url.setPrefColumnCount(40);

        Button test = new Button("Test connection");
        test.setId("war-room-test");
        test.setOnAction(e -> {
            result.setText("Testing…");
            model.test(entered(), result::setText);
        });
        Button connect = new Button("Connect");
        connect.setId("war-room-connect");
        connect.getStyleClass().add("accent");
        connect.setOnAction(e -> model.connect(entered(), result::setText));
        Button disconnect = new Button("Disconnect");
        disconnect.setId("war-room-disconnect");
        disconnect.setOnAction(e -> model.disconnect(result::setText));
        disconnect
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.stateProperty().get().mode() == SyncState.Mode.SOLO, model.stateProperty()));
        result.setId("war-room-result");
        result.setWrapText(true);
        result.setMaxWidth(640);

        Label status = new Label();
        status.setId("war-room-status");
        status.setWrapText(true);
        status.setMaxWidth(640);
        status.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> describe(model.stateProperty().get(), zone), model.stateProperty()));
        ListView<PersonSeen> people = new ListView<>(model.people());
        people.setId("war-room-people");
        people.setPrefHeight(140);
        people.setPlaceholder(new Label("Nobody seen yet: people appear once their consoles connect."));
        people.setCellFactory(l -> new dev.conn.platform.fx.WrappingTextCell<>(p -> person(p, zone)));
        VBox content = new VBox(
                10,
                form,
                new HBox(8, test, connect, disconnect),
                result,
                new Label("Sharing"),
                status,
                new Label("People in the war room"),
                people);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    /** @return the settings as entered (person id kept from the saved settings, else minted once) */
    WarRoomSettings entered() {
        Optional<String> bad = password.referenceField().getText().isBlank() ? Optional.empty() : password.validate();
        if (bad.isPresent()) {
            result.setText(bad.get());
        }
        return new WarRoomSettings(
                url.getText(), role.getText(), password.valueProperty().get(), personId, name.getText(), null);
    }

    static String describe(SyncState s, ZoneId zone) {
        if (s.mode() == SyncState.Mode.SOLO) {
            return "Not in a war room: this console works alone.";
        }
        StringBuilder b = new StringBuilder(s.statusText(zone));
        s.role().ifPresent(r -> b.append(" (as role ").append(r).append(')'));
        s.problem().ifPresent(p -> b.append("\n").append(p));
        if (s.mode() == SyncState.Mode.OFFLINE) {
            b.append("\nEverything works as alone; what you record is kept here and shared when the war room is"
                    + " back. Messages wait and are sent by the war room's sending console.");
        }
        return b.toString();
    }

    static String person(PersonSeen p, ZoneId zone) {
        String seen = p.connected()
                ? "connected"
                : "last seen " + HH_MM.format(p.lastSeen().atZone(zone)) + (p.signedOff() ? " (left)" : "");
        return p.person().name() + " — " + seen + " · role " + p.role();
    }
}
