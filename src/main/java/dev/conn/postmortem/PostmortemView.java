package dev.conn.postmortem;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Event;
import dev.conn.incident.Milestone;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The postmortem tab: TTx and milestone edits, tags, the SRE book's sections (Appendix D), five
 * whys and "where else" per root cause, action items with overdue marks, the clean-up checklist of
 * changes made to production, and the facts Conn already knows. Also builds the Export menu.
 * Binds to {@link PostmortemViewModel}; holds no logic worth testing on its own.
 */
public final class PostmortemView {
    /** Chooses files for the Export menu; a file dialog in the app, a fixed path in tests. */
    public interface FileChoice {
        /**
         * @param title the dialog title
         * @param extension the file extension, without the dot
         * @return the file to write, or empty if the user cancelled
         */
        Optional<Path> saveAs(String title, String extension);

        /** @return the bundle file to import, or empty if the user cancelled */
        Optional<Path> openBundle();

        /**
         * @param owner the window the dialogs belong to
         * @return file dialogs
         */
        static FileChoice dialogs(Supplier<Window> owner) {
            return new FileChoice() {
                @Override
                public Optional<Path> saveAs(String title, String extension) {
                    FileChooser fc = new FileChooser();
                    fc.setTitle(title);
                    fc.getExtensionFilters()
                            .add(new FileChooser.ExtensionFilter(
                                    extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
                    // a bundle gets the extension the desktop opens with Conn (IncidentBundle)
                    fc.setInitialFileName(
                            extension.equals(PostmortemExports.Format.JSON.extension())
                                    ? "incident." + IncidentBundle.FILE_EXTENSION
                                    : "postmortem." + extension);
                    return Optional.ofNullable(fc.showSaveDialog(owner.get())).map(java.io.File::toPath);
                }

                @Override
                public Optional<Path> openBundle() {
                    FileChooser fc = new FileChooser();
                    fc.setTitle("Import incident bundle");
                    fc.getExtensionFilters()
                            .add(new FileChooser.ExtensionFilter(
                                    "Conn incident bundle (*." + IncidentBundle.FILE_EXTENSION + ", *.json)",
                                    "*.json"));
                    return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(java.io.File::toPath);
                }
            };
        }
    }

    private final PostmortemViewModel model;

    /** @param model the view model */
    public PostmortemView(PostmortemViewModel model) {
        this.model = model;
    }

    /** @return the tab's content, built once */
    public Node build() {
        VBox root = new VBox(6);
        root.getStyleClass().add("postmortem");
        root.getStylesheets()
                .add(PostmortemView.class.getResource("postmortem.css").toExternalForm());

        Label ttx = new Label();
        ttx.setId("pm-ttx");
        ttx.getStyleClass().add("ttx");
        ttx.setWrapText(true);
        ttx.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ttx.textProperty().bind(model.ttxProperty());
        Label message = new Label();
        message.setId("pm-message");
        message.getStyleClass().add("pm-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        root.getChildren().addAll(ttx, message);

        ComboBox<Milestone> milestone = new ComboBox<>();
        milestone.setId("pm-milestone");
        milestone.getItems().setAll(Milestone.values());
        milestone.setPromptText("milestone");
        TextField at = new TextField();
        at.setId("pm-milestone-at");
        at.setPromptText("2026-11-21 09:12 (UTC)");
        TextField reason = new TextField();
        reason.setId("pm-milestone-reason");
        reason.setPromptText("why (kept on the record)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        milestone.valueProperty().subscribe(m -> {
            if (m != null) {
                at.setText(model.milestoneText(m));
            }
        });
        Button setMilestone = new Button("Set milestone");
        setMilestone.setId("pm-set-milestone");
        setMilestone.setOnAction(e -> {
            if (milestone.getValue() != null) {
                model.setMilestone(milestone.getValue(), at.getText(), reason.getText(), reason::clear);
            }
        });
        setMilestone.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reason.setPrefColumnCount(24);
        root.getChildren().addAll(title("Milestones"), new FlowPane(6, 6, milestone, at, reason, setMilestone));

        TextField services = new TextField();
        services.setId("pm-services");
        services.setPromptText("services, comma-separated (dns, checkout)");
        services.textProperty().bindBidirectional(model.servicesProperty());
        TextField categories = new TextField();
        categories.setId("pm-categories");
        categories.setPromptText("root-cause categories (capacity, config change)");
        categories.textProperty().bindBidirectional(model.categoriesProperty());
        HBox.setHgrow(services, Priority.ALWAYS);
        HBox.setHgrow(categories, Priority.ALWAYS);
        Button saveTags = new Button("Save tags");
        saveTags.setOnAction(e -> model.saveTags());
        saveTags.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        services.setPrefColumnCount(22);
        categories.setPrefColumnCount(22);
        root.getChildren().addAll(title("Tags"), new FlowPane(6, 6, services, categories, saveTags));

        for (PostmortemField f : PostmortemField.SECTIONS.subList(0, 2)) {
            root.getChildren().addAll(title(f.title()), area(f));
        }
        VBox causes = new VBox(4);
        model.rootCauseCountProperty().subscribe(n -> buildCauses(causes, n.intValue()));
        Button addCause = new Button("Add root cause");
        addCause.setOnAction(e -> model.addRootCause());
        root.getChildren().addAll(title("Root causes: five whys, and one more"), causes, addCause);
        for (PostmortemField f : PostmortemField.SECTIONS.subList(2, PostmortemField.SECTIONS.size())) {
            root.getChildren().addAll(title(f.title()), area(f));
        }

        root.getChildren().addAll(title("Action items"), actionItems());
        root.getChildren().add(title("Clean-up: changes made to production"));
        VBox cleanup = new VBox(4);
        cleanup.setId("pm-cleanup");
        model.changesMade().addListener((ListChangeListener<Event>) c -> buildCleanup(cleanup));
        buildCleanup(cleanup);
        root.getChildren().add(cleanup);

        Label facts = new Label();
        facts.setId("pm-facts");
        facts.setWrapText(true);
        facts.textProperty().bind(model.factsProperty());
        root.getChildren().addAll(title("What Conn knows (included in exports)"), facts);

        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("postmortem-view");
        model.activate();
        scroll.focusedProperty().subscribe(focused -> {
            if (!focused) {
                model.flush();
            }
        });
        return scroll;
    }

    private Node actionItems() {
        ListView<ActionItem> list = new ListView<>(model.actionItems());
        list.setId("pm-action-items");
        list.setPrefHeight(160);
        list.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }

            @Override
            protected void updateItem(ActionItem a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove("overdue");
                if (empty || a == null) {
                    setText(null);
                    return;
                }
                boolean overdue = a.isOverdue(model.today());
                if (overdue) {
                    getStyleClass().add("overdue");
                }
                setText((overdue ? "⚠ OVERDUE  " : "") + "[" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + "] "
                        + a.text()
                        + (a.owner().isEmpty() ? "" : "  · DRI " + a.owner())
                        + a.due().map(d -> "  · due " + d).orElse("")
                        + (a.ticket().isEmpty() ? "" : "  · " + a.ticket())
                        + "  · "
                        + a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + a.rootCause()
                                .map(c -> "  · root cause " + c + (a.elsewhere() ? " (where else)" : ""))
                                .orElse(""));
            }
        });
        TextField text = new TextField();
        text.setId("pm-ai-text");
        text.setPromptText("action item");
        HBox.setHgrow(text, Priority.ALWAYS);
        ComboBox<ActionItemKind> kind = new ComboBox<>();
        kind.setId("pm-ai-kind");
        kind.getItems().setAll(ActionItemKind.values());
        kind.setValue(ActionItemKind.PREVENT);
        TextField owner = new TextField();
        owner.setId("pm-ai-owner");
        owner.setPromptText("owner (DRI)");
        DatePicker due = new DatePicker();
        due.setId("pm-ai-due");
        due.setPromptText("due");
        TextField ticket = new TextField();
        ticket.setId("pm-ai-ticket");
        ticket.setPromptText("ticket link");
        TextField cause = new TextField();
        cause.setId("pm-ai-cause");
        cause.setPromptText("root cause #");
        cause.setPrefColumnCount(4);
        CheckBox elsewhere = new CheckBox("answers \"where else\"");
        Button add = new Button("Add action item");
        add.setId("pm-ai-add");
        add.setOnAction(e -> {
            Integer n = null;
            if (!cause.getText().isBlank()) {
                try {
                    n = Integer.valueOf(cause.getText().strip());
                } catch (NumberFormatException bad) {
                    model.messageProperty().set("The root cause is a number, e.g. 1");
                    return;
                }
            }
            model.addActionItem(
                    text.getText(),
                    kind.getValue(),
                    owner.getText(),
                    due.getValue(),
                    ticket.getText(),
                    n,
                    elsewhere.isSelected(),
                    () -> {
                        text.clear();
                        owner.clear();
                        ticket.clear();
                        due.setValue(null);
                    });
        });
        ComboBox<ActionItemStatus> status = new ComboBox<>();
        status.getItems().setAll(ActionItemStatus.values());
        status.setPromptText("status");
        Button setStatus = new Button("Set status of selected");
        setStatus.setOnAction(e -> {
            ActionItem a = list.getSelectionModel().getSelectedItem();
            if (a != null && status.getValue() != null) {
                model.setStatus(a, status.getValue());
            }
        });
        FlowPane form = new FlowPane(6, 6, text, kind, owner, due, ticket, cause, elsewhere, add);
        return new VBox(6, list, form, new HBox(6, status, setStatus));
    }

    private void buildCauses(VBox box, int count) {
        box.getChildren().clear();
        for (int n = 1; n <= count; n++) {
            TextField cause = new TextField();
            cause.setId("pm-rootCause-" + n);
            cause.setPromptText("Root cause " + n);
            cause.textProperty().bindBidirectional(model.field(PostmortemField.rootCause(n)));
            box.getChildren().add(cause);
            for (int w = 1; w <= 5; w++) {
                TextField why = new TextField();
                why.setId("pm-rootCause-" + n + "-why-" + w);
                why.setPromptText("Why? (" + w + ")");
                why.textProperty().bindBidirectional(model.field(PostmortemField.why(n, w)));
                box.getChildren().add(why);
            }
            Label q = new Label(PostmortemField.ELSEWHERE_QUESTION);
            q.getStyleClass().add("hint");
            TextArea elsewhere = new TextArea();
            elsewhere.setId("pm-rootCause-" + n + "-elsewhere");
            elsewhere.setPrefRowCount(2);
            elsewhere.setWrapText(true);
            elsewhere.textProperty().bindBidirectional(model.field(PostmortemField.elsewhere(n)));
            box.getChildren().addAll(q, elsewhere);
        }
    }

    private void buildCleanup(VBox box) {
        box.getChildren().clear();
        if (model.changesMade().isEmpty()) {
            Label none = new Label("No changes were recorded with /action.");
            none.getStyleClass().add("hint");
            box.getChildren().add(none);
            return;
        }
        for (Event change : model.changesMade()) {
            ComboBox<String> decision = new ComboBox<>();
            decision.getItems().setAll("", "REVERT", "MAKE_PERMANENT", "DONE");
            decision.setValue(model.cleanupDecision(change));
            decision.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String d) {
                    return d == null ? "" : MarkdownExporter.cleanupLabel(d);
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            decision.valueProperty().subscribe((before, after) -> {
                if (after != null && !after.equals(model.cleanupDecision(change))) {
                    model.decideCleanup(change, after);
                }
            });
            Label what = new Label(MarkdownExporter.STAMP.format(change.occurredAt()) + "  "
                    + change.payload().textOrEmpty("text"));
            what.setWrapText(true);
            HBox.setHgrow(what, Priority.ALWAYS);
            box.getChildren().add(new HBox(6, decision, what));
        }
    }

    private TextArea area(PostmortemField f) {
        TextArea a = new TextArea();
        a.setId("pm-" + f.key());
        a.setPromptText(f.prompt());
        a.setPrefRowCount(3);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(model.field(f.key()));
        return a;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /**
     * The Export menu: Markdown, HTML, CSV, JSON bundle, Import bundle…, Open the sample incident.
     *
     * @param model the view model
     * @param files the file choice
     * @return the menu
     */
    public static Menu exportMenu(PostmortemViewModel model, FileChoice files) {
        Menu menu = new Menu("E_xport");
        menu.setId("export-menu");
        menu.getItems()
                .addAll(
                        exportItem(model, files, "Postmortem as Markdown…", PostmortemExports.Format.MD, "Shortcut+E"),
                        exportItem(
                                model, files, "Postmortem as HTML…", PostmortemExports.Format.HTML, "Shortcut+Alt+H"),
                        exportItem(model, files, "Timeline as CSV…", PostmortemExports.Format.CSV, "Shortcut+Alt+V"),
                        exportItem(
                                model,
                                files,
                                "Incident bundle (JSON)…",
                                PostmortemExports.Format.JSON,
                                "Shortcut+Alt+J"),
                        new SeparatorMenuItem());
        MenuItem importItem = new MenuItem("Import bundle…");
        importItem.setId("import-bundle");
        importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+O"));
        importItem.setOnAction(e -> files.openBundle().ifPresent(model::importBundle));
        MenuItem sample = new MenuItem("Open a sample incident");
        sample.setId("open-sample");
        sample.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+D"));
        sample.setOnAction(e -> model.openSample(err -> {}));
        menu.getItems().addAll(importItem, sample);
        return menu;
    }

    private static MenuItem exportItem(
            PostmortemViewModel model, FileChoice files, String text, PostmortemExports.Format f, String key) {
        MenuItem item = new MenuItem(text);
        item.setId("export-" + f.extension());
        if (key != null) {
            item.setAccelerator(KeyCombination.keyCombination(key));
        }
        item.setOnAction(e ->
                files.saveAs("Export " + text.replace("…", ""), f.extension()).ifPresent(p -> model.export(f, p)));
        return item;
    }
}
