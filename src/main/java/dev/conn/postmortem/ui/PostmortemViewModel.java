package dev.conn.postmortem.ui;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentId;
import dev.conn.incident.MalformedEventException;
import dev.conn.incident.Milestone;
import dev.conn.incident.TimelineEvent;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.postmortem.MilestoneDecider;
import dev.conn.postmortem.Milestones;
import dev.conn.postmortem.Postmortem;
import dev.conn.postmortem.PostmortemCommand;
import dev.conn.postmortem.PostmortemField;
import dev.conn.postmortem.PostmortemReport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Presentation state of the postmortem tab: milestones and TTx, the editor's sections ({@link
 * SectionEditor}), action items, tags, the clean-up checklist and the facts Conn knows. It keeps
 * the open incident's {@link dev.conn.postmortem.PostmortemFold} in step as events arrive ({@link
 * PostmortemFeed}), so a new event costs the work it brings; the facts, which read the whole log,
 * are gathered on the {@link TaskRunner}, once per burst of events, and only while the tab is
 * built. Every change is a typed {@link PostmortemCommand} sent through {@link PostmortemSender}.
 * Touch only on the FX thread.
 */
public final class PostmortemViewModel {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentViewModel incident;
    private final PostmortemSender sender;
    private final TaskRunner tasks;
    private final Clock clock;
    private final PostmortemFeed feed;
    private final SectionEditor editor;

    private final StringProperty ttx = new SimpleStringProperty("");
    private final StringProperty facts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty services = new SimpleStringProperty("");
    private final StringProperty categories = new SimpleStringProperty("");
    private final IntegerProperty rootCauseCount = new SimpleIntegerProperty(1);
    private final ActionItemsViewModel actionItems;
    private final DocumentHeaderViewModel header;
    private final ObservableList<Event> changesMade = FXCollections.observableArrayList();
    private List<String> shownTags = List.of();
    private boolean active;
    private boolean factsRunning;
    private boolean factsStale = true;

    /**
     * @param incident the open incident and its events
     * @param sender sends the commands (on the background runner)
     * @param tasks the one background runner (the facts are gathered on it)
     * @param clock the clock (debounce, overdue dates)
     */
    PostmortemViewModel(IncidentViewModel incident, PostmortemSender sender, TaskRunner tasks, Clock clock) {
        this.incident = incident;
        this.sender = sender;
        this.tasks = tasks;
        this.clock = clock;
        this.editor = new SectionEditor(sender, clock, message::set, this::fail);
        this.actionItems = new ActionItemsViewModel(sender, clock, message::set);
        this.header = new DocumentHeaderViewModel(sender, message::set);
        incident.currentProperty().subscribe((before, after) -> {
            if (before == null || after == null || !before.id().equals(after.id())) {
                if (before != null) {
                    editor.leave(before.id());
                }
                rootCauseCount.set(1);
                shownTags = null; // show the next incident's tags
                header.reset();
            }
        });
        this.feed = new PostmortemFeed(incident, this::changed);
        incident.nowProperty().subscribe(editor::onTick);
        changed(true);
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

    /** @return the action items and their form */
    public ActionItemsViewModel actionItems() {
        return actionItems;
    }

    /** @return every change made to production ({@code ACTION_TAKEN}), for the clean-up checklist */
    public ObservableList<Event> changesMade() {
        return changesMade;
    }

    /**
     * The editor text of one section; typing in it schedules a save.
     *
     * @param key a {@link PostmortemField} key
     * @return its property
     */
    public StringProperty field(String key) {
        return editor.field(key);
    }

    /**
     * Tells the model its tab has been built: from then on it keeps the editor, action items and
     * facts current. Until then only the TTx line is kept current, so a console that never opens
     * the tab pays nothing for a 100,000-event timeline.
     */
    public void activate() {
        active = true;
        changed(true);
    }

    /** Saves every section with unsaved edits now (before an export, on leaving the tab). */
    public void flush() {
        editor.flush();
    }

    /**
     * Shows where each item's ticket request stands (issue 16 §1): refolded from the open
     * incident's events when one of {@link dev.conn.postmortem.TicketRequests#TYPES} arrives, or
     * events are replaced (another incident opened).
     */
    void followTicketRequests() {
        incident.events().addListener((javafx.collections.ListChangeListener<Event>) c -> {
            boolean any = false;
            while (c.next()) {
                any |= c.wasRemoved()
                        || c.getAddedSubList().stream()
                                .anyMatch(e -> dev.conn.postmortem.TicketRequests.TYPES.contains(e.type()));
            }
            if (any) {
                actionItems.showRequests(dev.conn.postmortem.TicketRequests.of(List.copyOf(incident.events())));
            }
        });
        actionItems.showRequests(dev.conn.postmortem.TicketRequests.of(List.copyOf(incident.events())));
    }

    private void changed(boolean relevant) {
        factsStale = true;
        if (relevant) {
            ttx.set(feed.fold().milestones().map(Milestones::summaryLine).orElse(""));
            if (active) {
                show(feed.fold().postmortem());
            }
        }
        if (active) {
            gatherFacts();
        }
    }

    private void show(Postmortem pm) {
        editor.show(pm);
        actionItems.show(pm.actionItems());
        header.show(pm.header());
        List<String> tags = new ArrayList<>(pm.services());
        tags.add("|");
        tags.addAll(pm.categories());
        if (!tags.equals(shownTags)) { // what the user types in the tag fields stays until the tags change
            shownTags = tags;
            services.set(String.join(", ", pm.services()));
            categories.set(String.join(", ", pm.categories()));
        }
        rootCauseCount.set(Math.max(
                rootCauseCount.get(),
                pm.rootCauses().stream().mapToInt(Integer::intValue).max().orElse(1)));
        List<Event> changes = feed.fold().changesMade();
        if (!changesMade.equals(changes)) {
            changesMade.setAll(changes);
        }
    }

    /** Gathers the facts off the FX thread: once for a burst of events, again if more came meanwhile. */
    private void gatherFacts() {
        if (factsRunning || !factsStale) {
            return;
        }
        factsStale = false;
        Optional<IncidentId> open = incident.current().map(st -> st.id());
        if (open.isEmpty()) {
            facts.set("");
            return;
        }
        factsRunning = true;
        List<Event> snapshot = List.copyOf(incident.events());
        LocalDate today = LocalDate.now(clock);
        tasks.run(
                () -> PostmortemReport.of(snapshot, today).factsSummary(),
                text -> {
                    factsRunning = false;
                    if (incident.current().map(st -> st.id()).equals(open)) {
                        facts.set(text);
                    }
                    gatherFacts();
                },
                e -> {
                    factsRunning = false;
                    facts.set(""); // an incident whose declaration is not loaded yet
                    gatherFacts();
                });
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
        Optional<Milestones> now = feed.fold().milestones();
        if (now.isEmpty()) {
            message.set("Open an incident first");
            return;
        }
        // the decider checks again against the log; this answers at once, without a disk round trip
        Optional<String> v = MilestoneDecider.problem(now.get(), m, at, reason, clock.instant());
        if (v.isPresent()) {
            message.set(v.get());
            return;
        }
        sender.send(
                new PostmortemCommand.SetMilestone(m, at, reason),
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

    /**
     * @param m a milestone
     * @return its current time as the editor shows it ({@code 2026-11-21 09:12}), or empty
     */
    public String milestoneText(Milestone m) {
        return feed.fold()
                .milestones()
                .flatMap(ms -> ms.of(m))
                .map(WHEN::format)
                .orElse("");
    }

    /** @return the document header's fields (date, status, authors, reviewers) */
    public DocumentHeaderViewModel header() {
        return header;
    }

    /** Saves the services and root-cause categories typed in the tag fields. */
    public void saveTags() {
        sender.send(
                new PostmortemCommand.SetTags(split(services.get()), split(categories.get())),
                e -> message.set("Tags saved"),
                message::set);
    }

    private static List<String> split(String s) {
        return List.of((s == null ? "" : s).split(","));
    }

    /**
     * Records the clean-up decision for a change made to production.
     *
     * @param change the {@code ACTION_TAKEN} event
     * @param decision {@code REVERT}, {@code MAKE_PERMANENT}, {@code DONE}, or empty to undecide
     */
    public void decideCleanup(Event change, String decision) {
        String key = PostmortemField.cleanup(change.id());
        editor.setQuietly(key, decision);
        sender.send(new PostmortemCommand.SetField(key, decision), e -> {}, message::set);
    }

    /**
     * @param change an {@code ACTION_TAKEN} event
     * @return its clean-up decision, or empty
     */
    public String cleanupDecision(Event change) {
        return editor.field(PostmortemField.cleanup(change.id())).get();
    }

    /**
     * @param change an {@code ACTION_TAKEN} event
     * @return when it happened (UTC) and what was changed, as the clean-up checklist lists it
     */
    public String changeLabel(Event change) {
        String what;
        try {
            what = change.body() instanceof TimelineEvent.ActionTaken a ? a.text() : "";
        } catch (MalformedEventException unreadable) {
            what = "(an entry Conn cannot read: " + unreadable.getMessage() + ")";
        }
        return STAMP.format(change.occurredAt()) + "  " + what;
    }

    /** Shows a failure in the tab and in the status bar (the tab may not be on screen). */
    void fail(String text) {
        message.set(text);
        incident.reportError(text);
    }
}
