package dev.conn.postmortem;

import dev.conn.incident.ActionItemKind;
import dev.conn.incident.ActionItemStatus;
import dev.conn.incident.Event;
import dev.conn.incident.EventType;
import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.Milestone;
import dev.conn.incident.Payload;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Presentation state of the postmortem tab: the editor's sections (saved as
 * {@code POSTMORTEM_FIELD_SET} events once the user has paused typing for
 * {@link #SAVE_AFTER}, judged by the injected clock on the 1-second tick, and always before an
 * export), milestones and TTx, action items, tags, the clean-up checklist, the facts Conn knows,
 * and exports/imports run on the {@link TaskRunner}. Touch only on the FX thread.
 */
public final class PostmortemViewModel {
    /** How long typing must pause before a section is saved. */
    public static final Duration SAVE_AFTER = Duration.ofSeconds(1);

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final IncidentViewModel incident;
    private final PostmortemService service;
    private final PostmortemExports exports;
    private final BundleImporter importer;
    private final TaskRunner tasks;
    private final Clock clock;

    private final Map<String, StringProperty> fields = new HashMap<>();
    private final Map<String, Instant> dirtySince = new HashMap<>();
    private final Set<String> applying = new HashSet<>();
    private final StringProperty ttx = new SimpleStringProperty("");
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty services = new SimpleStringProperty("");
    private final StringProperty categories = new SimpleStringProperty("");
    private final IntegerProperty rootCauseCount = new SimpleIntegerProperty(1);
    private final ObservableList<ActionItem> actionItems = FXCollections.observableArrayList();
    private final ObservableList<Event> changesMade = FXCollections.observableArrayList();
    private Milestones milestones;
    private boolean stale = true;
    private boolean active;
    private boolean refreshScheduled;

    /**
     * @param incident the open incident and its events
     * @param service saves edits left unsaved when the console switches to another incident
     * @param exports the exporters (read the store; run in the background)
     * @param importer the bundle importer
     * @param tasks the one background runner
     * @param clock the clock (debounce, overdue dates)
     */
    public PostmortemViewModel(
            IncidentViewModel incident,
            PostmortemService service,
            PostmortemExports exports,
            BundleImporter importer,
            TaskRunner tasks,
            Clock clock) {
        this.incident = incident;
        this.service = service;
        this.exports = exports;
        this.importer = importer;
        this.tasks = tasks;
        this.clock = clock;
        incident.events().addListener((ListChangeListener<Event>) c -> {
            stale = true;
            refreshMilestones();
            scheduleRefresh();
        });
        incident.currentProperty().subscribe((before, after) -> {
            if (before == null || after == null || !before.id().equals(after.id())) {
                if (before != null) {
                    saveLeftBehind(before.id());
                }
                dirtySince.clear();
                rootCauseCount.set(1);
                stale = true;
                refresh();
            }
        });
        incident.nowProperty().subscribe(this::onTick);
        refresh();
    }

    /** @return the TTx line, e.g. {@code TTD 4m · TTA 6m · TTM — · TTR —}, empty with no incident */
    public StringProperty ttxProperty() {
        return ttx;
    }

    /** @return what Conn knows: responders and roles, hand-offs, messages, snapshots (read-only text) */
    public StringProperty factsProperty() {
        return facts;
    }

    /** @return the last outcome or error to show (exports, imports, refusals) */
    public StringProperty messageProperty() {
        return message;
    }

    /** @return the services tag field (comma-separated) */
    public StringProperty servicesProperty() {
        return services;
    }

    /** @return the root-cause categories tag field (comma-separated) */
    public StringProperty categoriesProperty() {
        return categories;
    }

    /** @return how many root causes the editor shows (at least 1) */
    public IntegerProperty rootCauseCountProperty() {
        return rootCauseCount;
    }

    /** @return the action items, in the order added */
    public ObservableList<ActionItem> actionItems() {
        return actionItems;
    }

    /** @return every change made to production ({@code ACTION_TAKEN}), for the clean-up checklist */
    public ObservableList<Event> changesMade() {
        return changesMade;
    }

    /** @return today in the clock's zone, for overdue marks */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The editor text of one section; typing in it schedules a save.
     *
     * @param key a {@link PostmortemField} key
     * @return its property
     */
    public StringProperty field(String key) {
        return fields.computeIfAbsent(key, k -> {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((obs, old, now) -> {
                if (!applying.contains(k)) {
                    dirtySince.put(k, clock.instant());
                }
            });
            return p;
        });
    }

    private void onTick(Instant now) {
        if (now == null) {
            return;
        }
        for (String key : List.copyOf(dirtySince.keySet())) {
            Instant since = dirtySince.get(key);
            if (since != null && !now.isBefore(since.plus(SAVE_AFTER))) {
                save(key);
            }
        }
        if (stale && active) {
            refresh();
        }
    }

    /**
     * Re-folds once after the current burst of changes (one pulse later), so a long incident
     * loading in chunks, or several entries arriving at once, costs one refresh.
     */
    private void scheduleRefresh() {
        if (active && !refreshScheduled) {
            refreshScheduled = true;
            javafx.application.Platform.runLater(() -> {
                refreshScheduled = false;
                if (stale) {
                    refresh();
                }
            });
        }
    }

    /**
     * Tells the model its tab has been built: from then on it keeps the editor, action items and
     * facts current (once per tick at most). Until then only the TTx line is kept current, so a
     * console that never opens the tab pays nothing for a 100,000-event timeline.
     */
    public void activate() {
        active = true;
        refresh();
    }

    /** Saves what was typed in the incident being left (the editor is about to show another one). */
    private void saveLeftBehind(IncidentId left) {
        String who = incident.authorProperty().get();
        for (String key : List.copyOf(dirtySince.keySet())) {
            String text = field(key).get();
            tasks.run(
                    () -> service.setField(left, key, text, who),
                    e -> {},
                    e -> fail("A postmortem edit of the previous incident was not saved: " + e.getMessage()));
        }
    }

    /** Saves every section with unsaved edits now (before an export, on leaving the tab). */
    public void flush() {
        List.copyOf(dirtySince.keySet()).forEach(this::save);
    }

    private void save(String key) {
        String text = field(key).get();
        try {
            PostmortemField.check(key, text);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            dirtySince.remove(key);
            return;
        }
        dirtySince.remove(key);
        incident.record(
                EventType.POSTMORTEM_FIELD_SET,
                Payload.of("field", key, "text", text),
                Optional.empty(),
                e -> {},
                err -> {
                    message.set("Not saved: " + err);
                    dirtySince.putIfAbsent(key, clock.instant());
                });
    }

    private void refreshMilestones() {
        try {
            milestones = Milestones.fold(incident.events());
            ttx.set(milestones.summaryLine());
        } catch (IllegalArgumentException noDeclarationYet) {
            milestones = null;
            ttx.set("");
        }
    }

    /** Re-folds the open incident's events into the editor (sections being edited are left alone). */
    public void refresh() {
        if (!active) {
            refreshMilestones();
            return;
        }
        stale = false;
        List<Event> events = List.copyOf(incident.events());
        refreshMilestones();
        Postmortem pm = Postmortem.fold(events);
        Set<String> keys = new HashSet<>(fields.keySet());
        keys.addAll(pm.fields().keySet());
        for (String key : keys) {
            if (!dirtySince.containsKey(key)) {
                StringProperty p = field(key);
                String text = pm.field(key);
                if (!text.equals(p.get())) {
                    applying.add(key);
                    try {
                        p.set(text);
                    } finally {
                        applying.remove(key);
                    }
                }
            }
        }
        if (!actionItems.equals(pm.actionItems())) {
            actionItems.setAll(pm.actionItems());
        }
        services.set(String.join(", ", pm.services()));
        categories.set(String.join(", ", pm.categories()));
        rootCauseCount.set(Math.max(rootCauseCount.get(), maxCause(pm)));
        try {
            PostmortemReport r = PostmortemReport.of(events, today());
            List<Event> changes =
                    r.cleanup().stream().map(c -> c.entry().event()).toList();
            if (!changesMade.equals(changes)) {
                changesMade.setAll(changes);
            }
            facts.set(facts(r));
        } catch (IllegalArgumentException noDeclarationYet) {
            changesMade.clear();
            facts.set("");
        }
    }

    private static int maxCause(Postmortem pm) {
        return pm.rootCauses().stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static String facts(PostmortemReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Responders: ").append(r.responders().isEmpty() ? "none recorded" : String.join(", ", r.responders()));
        r.roles().forEach((role, who) -> b.append("\n")
                .append(MarkdownExporter.roleLabel(role))
                .append(": ")
                .append(String.join(" → ", who)));
        b.append("\nHand-offs: ").append(r.handoffs().size());
        r.handoffs().forEach(h -> b.append("\n  ")
                .append(MarkdownExporter.STAMP.format(h.event().occurredAt()))
                .append("  ")
                .append(h.text()));
        b.append("\nMessages sent: ").append(r.messagesSent().size());
        r.messagesSent().forEach(h -> b.append("\n  ")
                .append(MarkdownExporter.STAMP.format(h.event().occurredAt()))
                .append("  ")
                .append(h.text()));
        b.append("\nMetric snapshots: ").append(r.snapshots().size());
        b.append("\nTimeline entries: ").append(r.timeline().size());
        return b.toString();
    }

    /** Shows one more root cause in the editor. */
    public void addRootCause() {
        if (rootCauseCount.get() < PostmortemField.MAX_ROOT_CAUSES) {
            rootCauseCount.set(rootCauseCount.get() + 1);
        }
    }

    /**
     * Sets or edits a milestone with a reason.
     *
     * @param m the milestone
     * @param when {@code 2026-11-21 09:12} (UTC) or an ISO-8601 instant
     * @param reason why (required)
     * @param onDone told on success
     */
    public void setMilestone(Milestone m, String when, String reason, Runnable onDone) {
        Instant at;
        try {
            at = parseWhen(when);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        if (milestones == null) {
            message.set("Open an incident first");
            return;
        }
        Optional<String> v = PostmortemService.milestoneProblem(milestones, m, at, reason, clock.instant());
        if (v.isPresent()) {
            message.set(v.get());
            return;
        }
        incident.record(
                EventType.MILESTONE_SET,
                Payload.of("milestone", m, "at", at, "reason", reason.strip()),
                Optional.empty(),
                e -> {
                    message.set(m.label() + " set to " + WHEN.format(at) + " UTC");
                    onDone.run();
                },
                message::set);
    }

    static Instant parseWhen(String when) {
        String s = when == null ? "" : when.strip();
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "Give the time as 2026-11-21 09:12 (UTC) or 2026-11-21T09:12:00Z, not '" + s + "'");
            }
        }
    }

    /** @return a milestone's current time as the editor shows it ({@code 2026-11-21 09:12}), or empty */
    public String milestoneText(Milestone m) {
        return milestones == null ? "" : milestones.of(m).map(WHEN::format).orElse("");
    }

    /**
     * Adds an action item.
     *
     * @param text what to do
     * @param kind mitigate / prevent / process
     * @param owner the DRI
     * @param due the due date, or null
     * @param ticket a ticket link or key
     * @param rootCause the root cause it answers, or null
     * @param elsewhere true if it answers "where else could this bite?"
     * @param onDone told once saved
     */
    public void addActionItem(
            String text,
            ActionItemKind kind,
            String owner,
            LocalDate due,
            String ticket,
            Integer rootCause,
            boolean elsewhere,
            Runnable onDone) {
        if (text == null || text.isBlank()) {
            message.set("Describe the action item, e.g. \"Alert on DNS cache memory\"");
            return;
        }
        ActionItem item = new ActionItem(
                ActionItem.newId(),
                text,
                kind,
                owner,
                Optional.ofNullable(due),
                ticket,
                ActionItemStatus.OPEN,
                Optional.ofNullable(rootCause),
                elsewhere);
        incident.record(
                EventType.ACTION_ITEM_ADDED,
                item.toPayload(),
                Optional.empty(),
                e -> {
                    refresh();
                    onDone.run();
                },
                message::set);
    }

    /**
     * Changes an action item's status.
     *
     * @param item the item
     * @param status its new status
     */
    public void setStatus(ActionItem item, ActionItemStatus status) {
        ActionItem next = new ActionItem(
                item.id(),
                item.text(),
                item.kind(),
                item.owner(),
                item.due(),
                item.ticket(),
                status,
                item.rootCause(),
                item.elsewhere());
        incident.record(
                EventType.ACTION_ITEM_UPDATED, next.toPayload(), Optional.empty(), e -> refresh(), message::set);
    }

    /** Saves the services and root-cause categories typed in the tag fields. */
    public void saveTags() {
        com.fasterxml.jackson.databind.node.ObjectNode n =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        var s = n.putArray("services");
        split(services.get()).forEach(s::add);
        var c = n.putArray("categories");
        split(categories.get()).forEach(c::add);
        incident.record(
                EventType.INCIDENT_TAGGED,
                Payload.ofNode(n),
                Optional.empty(),
                e -> message.set("Tags saved"),
                message::set);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : (s == null ? "" : s).split(",")) {
            if (!part.isBlank() && !out.contains(part.strip())) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /**
     * Records the clean-up decision for a change made to production.
     *
     * @param change the {@code ACTION_TAKEN} event
     * @param decision {@code REVERT}, {@code MAKE_PERMANENT}, {@code DONE}, or empty to undecide
     */
    public void decideCleanup(Event change, String decision) {
        String key = PostmortemField.cleanup(change.id());
        applying.add(key);
        try {
            field(key).set(decision);
        } finally {
            applying.remove(key);
        }
        incident.record(
                EventType.POSTMORTEM_FIELD_SET,
                Payload.of("field", key, "text", decision),
                Optional.empty(),
                e -> {},
                message::set);
    }

    /**
     * @param change an {@code ACTION_TAKEN} event
     * @return its clean-up decision, or empty
     */
    public String cleanupDecision(Event change) {
        return field(PostmortemField.cleanup(change.id())).get();
    }

    /**
     * Exports the open incident in the background (after saving pending edits).
     *
     * @param format the format
     * @param file where to write (replaced whole)
     */
    public void export(PostmortemExports.Format format, Path file) {
        IncidentState st = incident.current().orElse(null);
        if (st == null) {
            message.set("Open an incident to export");
            return;
        }
        flush();
        IncidentId id = st.id();
        tasks.run(
                () -> {
                    ExportFiles.write(file, exports.export(id, format));
                    return file;
                },
                f -> message.set("Exported to " + f),
                e -> fail("Export failed: " + e.getMessage()));
    }

    /**
     * Imports a bundle file in the background, then opens the incident.
     *
     * @param file the bundle
     */
    public void importBundle(Path file) {
        tasks.run(() -> importer.importFile(file), this::imported, e -> fail("Not imported: " + e.getMessage()));
    }

    /** Asks whether to import a bundle file that Conn was opened with. */
    @FunctionalInterface
    public interface ImportQuestion {
        /**
         * Runs on the FX thread.
         *
         * @param preview what the file holds (validated)
         * @param file the file
         * @return true to import it
         */
        boolean confirm(BundleImporter.Preview preview, Path file);
    }

    /**
     * Offers a bundle file for import, as when the desktop opens Conn with one: reads and
     * validates it in the background, asks {@code question} on the FX thread, and on yes imports
     * it the same way as Export &gt; Import bundle ({@link #importBundle}). A file that cannot be
     * read or is not a valid bundle is reported with the reason, and nothing is written.
     *
     * @param file the bundle file
     * @param question asks the user
     */
    public void offerImport(Path file, ImportQuestion question) {
        tasks.run(
                () -> BundleImporter.preview(file),
                preview -> {
                    if (question.confirm(preview, file)) {
                        importBundle(file);
                    }
                },
                e -> fail("Not imported: " + file + ": " + e.getMessage()));
    }

    /**
     * Imports the sample incident shipped with Conn (once; importing again adds nothing) and opens it.
     *
     * @param onError told on the FX thread if it fails
     */
    public void openSample(Consumer<String> onError) {
        tasks.run(() -> importer.importBytes(SampleIncident.bytes()), this::imported, e -> {
            message.set("The sample could not be opened: " + e.getMessage());
            onError.accept(e.getMessage());
        });
    }

    /** Shows a failure in the tab and in the status bar (the tab may not be on screen). */
    private void fail(String text) {
        message.set(text);
        incident.reportError(text);
    }

    private void imported(BundleImporter.Result r) {
        message.set("Imported \"" + r.title() + "\": " + r.added() + " new events"
                + (r.alreadyPresent() > 0 ? ", " + r.alreadyPresent() + " already present" : ""));
        incident.open(r.incident());
    }
}
