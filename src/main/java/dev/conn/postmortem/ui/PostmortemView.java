package dev.conn.postmortem.ui;

import dev.conn.incident.Event;
import dev.conn.incident.Milestone;
import dev.conn.postmortem.MarkdownExporter;
import dev.conn.postmortem.PostmortemField;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The postmortem tab: TTx and milestone edits, tags, the SRE book's sections (Appendix D), five
 * whys and "where else" per root cause, action items with overdue marks, the clean-up checklist of
 * changes made to production, and the facts Conn already knows. Binds to {@link
 * PostmortemViewModel}; holds no logic worth testing on its own.
 */
public final class PostmortemView {
    private final PostmortemViewModel model;

    /** @param model the view model */
    public PostmortemView(PostmortemViewModel model) {
        this.model = model;
    }

    /** The document header: date, review status, authors and reviewers, saved together. */
    private static Node document(DocumentHeaderViewModel header) {
        TextField date = new TextField();
        date.setId("pm-doc-date");
        date.setPromptText("date (2026-11-24)");
        date.setPrefColumnCount(10);
        date.textProperty().bindBidirectional(header.dateProperty());
        ComboBox<dev.conn.incident.PostmortemStatus> status = new ComboBox<>();
        status.setId("pm-doc-status");
        status.getItems().setAll(dev.conn.incident.PostmortemStatus.values());
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(dev.conn.incident.PostmortemStatus s) {
                return s == null ? "" : s.label();
            }

            @Override
            public dev.conn.incident.PostmortemStatus fromString(String text) {
                return null; // not editable
            }
        });
        status.valueProperty().bindBidirectional(header.statusProperty());
        TextField authors = new TextField();
        authors.setId("pm-doc-authors");
        authors.setPromptText("authors, comma-separated");
        authors.setPrefColumnCount(18);
        authors.textProperty().bindBidirectional(header.authorsProperty());
        TextField reviewers = new TextField();
        reviewers.setId("pm-doc-reviewers");
        reviewers.setPromptText("reviewers, comma-separated");
        reviewers.setPrefColumnCount(18);
        reviewers.textProperty().bindBidirectional(header.reviewersProperty());
        Button save = new Button("Save header");
        save.setId("pm-doc-save");
        save.setOnAction(e -> header.save());
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new FlowPane(6, 6, date, status, authors, reviewers, save);
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
        root.getChildren().addAll(title("Document"), document(model.header()));

        ComboBox<Milestone> milestone = new ComboBox<>();
        milestone.setId("pm-milestone");
        milestone.getItems().setAll(Milestone.values());
        milestone.setPromptText("milestone");
        TextField at = new TextField();
        at.setId("pm-milestone-at");
        at.setPromptText("2026-11-21 09:12 (UTC)");
        at.setPrefColumnCount(16);
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
        services.setPromptText("services, e.g. dns, checkout");
        services.textProperty().bindBidirectional(model.servicesProperty());
        TextField categories = new TextField();
        categories.setId("pm-categories");
        categories.setPromptText("root causes, e.g. config change");
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

        root.getChildren().addAll(title("Action items"), ActionItemsPane.build(model.actionItems()));
        root.getChildren().add(title("Clean-up: changes made to production"));
        VBox cleanup = new VBox(4);
        cleanup.setId("pm-cleanup");
        model.changesMade().addListener((ListChangeListener<Event>) c -> buildCleanup(cleanup));
        buildCleanup(cleanup);
        root.getChildren().add(cleanup);

        // one wrapping label a line: a single multi-line label left its longest line (a hand-off
        // with its read-back code) unwrapped a few pixels past the window's edge in projector mode
        VBox facts = new VBox(2);
        facts.setId("pm-facts");
        model.factsProperty().subscribe(text -> {
            facts.getChildren().clear();
            for (String line : (text == null ? "" : text).split("\n", -1)) {
                Label l = new Label(line);
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                l.getStyleClass().add("pm-fact");
                facts.getChildren().add(l);
            }
        });
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

    private void buildCauses(VBox box, int count) {
        box.getChildren().clear();
        for (int n = 1; n <= count; n++) {
            TextArea cause = GrowingTextArea.of("pm-rootCause-" + n, "Root cause " + n);
            cause.textProperty().bindBidirectional(model.field(PostmortemField.rootCause(n)));
            box.getChildren().add(cause);
            for (int w = 1; w <= 5; w++) {
                TextArea why = GrowingTextArea.of("pm-rootCause-" + n + "-why-" + w, "Why? (" + w + ")");
                why.textProperty().bindBidirectional(model.field(PostmortemField.why(n, w)));
                box.getChildren().add(why);
            }
            Label q = new Label(PostmortemField.ELSEWHERE_QUESTION);
            q.getStyleClass().add("hint");
            q.setWrapText(true);
            q.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
            decision.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "make permanent" whole
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
            Label what = new Label(model.changeLabel(change));
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
}
