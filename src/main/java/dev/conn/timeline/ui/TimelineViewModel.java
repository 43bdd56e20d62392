package dev.conn.timeline.ui;

import dev.conn.incident.Event;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.text.TimeFormat;
import dev.conn.settings.Settings;
import dev.conn.settings.ui.SettingsViewModel;
import dev.conn.timeline.Capture;
import dev.conn.timeline.CaptureParser;
import dev.conn.timeline.EntryCategory;
import dev.conn.timeline.TimelineEntry;
import dev.conn.timeline.TimelineProjection;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The live timeline for the views: rows with corrections applied, a filter by type, full-text
 * search, newest-first or oldest-first order, and the quick-capture bar's submit. It keeps a
 * {@link TimelineProjection} and applies each new event to it (a row added or amended in place);
 * only opening an incident projects a whole log, off the FX thread. Touch only on the FX thread.
 */
public final class TimelineViewModel {
    private dev.conn.incident.EventRemarks remarks = dev.conn.incident.EventRemarks.NONE;
    private dev.conn.timeline.Stars stars = new dev.conn.timeline.Stars();
    private final javafx.beans.property.ReadOnlyIntegerWrapper remarksRevision =
            new javafx.beans.property.ReadOnlyIntegerWrapper();

    private static final Comparator<TimelineEntry> OLDEST_FIRST =
            (a, b) -> Event.BY_OCCURRENCE.compare(a.event(), b.event());

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final CaptureParser parser;
    private final TaskRunner tasks;
    private final Clock clock;
    private int generation;
    private final BooleanProperty rebuilding = new SimpleBooleanProperty(false);
    private final CaptureBarViewModel captures;
    private final javafx.beans.property.IntegerProperty scrollRequests =
            new javafx.beans.property.SimpleIntegerProperty();

    private final ObservableList<TimelineEntry> rows = FXCollections.observableArrayList();
    private final Map<UUID, Integer> rowIndex = new HashMap<>();
    private TimelineProjection projection = new TimelineProjection(true);
    private final FilteredList<TimelineEntry> filtered = new FilteredList<>(rows);
    private final SortedList<TimelineEntry> sorted = new SortedList<>(filtered);

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Set<EntryCategory>> shownCategories =
            new SimpleObjectProperty<>(EnumSet.copyOf(EntryCategory.shownByDefault()));
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(true);
    private final BooleanProperty showUtc = new SimpleBooleanProperty(false);
    private final StringProperty captureMessage = new SimpleStringProperty("");
    private final StringProperty captureNotice = new SimpleStringProperty("");

    /**
     * @param incident the open incident and its events
     * @param settings the console settings (author name, time display)
     * @param clock the clock back-dated times are measured from
     * @param tasks builds the rows of a whole incident off the FX thread
     */
    public TimelineViewModel(IncidentViewModel incident, SettingsViewModel settings, Clock clock, TaskRunner tasks) {
        this.incident = incident;
        this.settings = settings;
        this.parser = new CaptureParser(clock);
        this.tasks = tasks;
        this.clock = clock;
        this.captures = new CaptureBarViewModel(
                incident, clock, captureMessage, () -> scrollRequests.set(scrollRequests.get() + 1), this::showFiled);
        showUtc.set(settings.settings().timeDisplay() == Settings.TimeDisplay.UTC);
        showUtc.addListener((o, was, utc) -> settings.update(
                st -> st.withTimeDisplay(utc ? Settings.TimeDisplay.UTC : Settings.TimeDisplay.LOCAL),
                captureMessage::set));
        incident.events().addListener(this::onEventsChanged);
        incident.resetsProperty().addListener((o, a, b) -> rebuild(incident.events()));
        searchText.addListener((o, a, b) -> refilter());
        shownCategories.addListener((o, a, b) -> refilter());
        newestFirst.addListener((o, a, b) -> resort());
        resort();
        rebuild(incident.events());
    }

    private void onEventsChanged(ListChangeListener.Change<? extends Event> c) {
        if (incident.isResetting()) {
            return; // a whole new incident: the reset signal rebuilds in the background
        }
        List<Event> added = new ArrayList<>();
        while (c.next()) {
            if (c.wasRemoved() || c.wasReplaced()) {
                rebuild(incident.events());
                return;
            }
            if (c.wasAdded()) {
                added.addAll(c.getAddedSubList());
            }
        }
        if (!rebuilding.get()) {
            apply(added); // while rebuilding, the rebuild catches up with these from the event list
        }
    }

    /** Rows of a whole incident (or a 100,000-event one) are built off the FX thread, then swapped in. */
    private void rebuild(List<Event> all) {
        int gen = ++generation;
        rebuilding.set(true);
        List<Event> snapshot = List.copyOf(all);
        tasks.run(
                () -> TimelineRebuilt.of(snapshot, OLDEST_FIRST),
                built -> {
                    if (gen != generation) {
                        return; // a newer incident was opened meanwhile
                    }
                    projection = built.projection();
                    stars = built.stars();
                    rowIndex.clear();
                    rowIndex.putAll(built.index());
                    rows.setAll(built.rows());
                    rebuilding.set(false);
                    List<Event> now = incident.events();
                    if (now.size() > snapshot.size()) {
                        apply(now.subList(snapshot.size(), now.size()));
                    }
                    scrollRequests.set(scrollRequests.get() + 1);
                },
                e -> {
                    rebuilding.set(false);
                    incident.reportError("Could not show the timeline: " + e.getMessage());
                });
    }

    private void apply(List<? extends Event> added) {
        List<TimelineEntry> newRows = new ArrayList<>();
        boolean starsChanged = false;
        for (Event e : added) {
            starsChanged |= stars.apply(e);
            TimelineProjection.Change ch = projection.apply(e);
            if (ch instanceof TimelineProjection.Change.Added a) {
                rowIndex.put(a.entry().event().id(), rows.size() + newRows.size());
                newRows.add(a.entry());
            } else if (ch instanceof TimelineProjection.Change.Replaced r) {
                int i = rowIndex.get(r.entry().event().id());
                if (i < rows.size()) {
                    rows.set(i, r.entry());
                } else {
                    newRows.set(i - rows.size(), r.entry());
                }
            }
        }
        rows.addAll(newRows);
        if (starsChanged) {
            remarksRevision.set(remarksRevision.get() + 1); // the rows redraw their marks
        }
    }

    private void refilter() {
        String q = searchText.get();
        Set<EntryCategory> shown = shownCategories.get();
        filtered.setPredicate(row -> shown.contains(EntryCategory.of(row.type())) && row.matches(q));
    }

    private void resort() {
        sorted.setComparator(newestFirst.get() ? OLDEST_FIRST.reversed() : OLDEST_FIRST);
    }

    /** @return the rows to show: filtered and sorted */
    public ObservableList<TimelineEntry> visibleRows() {
        return sorted;
    }

    /** @return how many rows the timeline holds before filtering */
    public int totalRows() {
        return rows.size();
    }

    /** @return every row before filtering, to follow (a hidden row changes the count too) */
    public ObservableList<? extends TimelineEntry> filteredSource() {
        return filtered.getSource();
    }

    /** @return the search text */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** @return the categories shown; set a new set to change the filter */
    public ObjectProperty<Set<EntryCategory>> shownCategoriesProperty() {
        return shownCategories;
    }

    /** @return true to show the newest entry first */
    public BooleanProperty newestFirstProperty() {
        return newestFirst;
    }

    /** @return true to show times in UTC first, false for local time */
    public BooleanProperty showUtcProperty() {
        return showUtc;
    }

    /** @return the zone times are shown (and {@code @09:12} read) in */
    public ZoneId displayZone() {
        return showUtc.get() ? ZoneOffset.UTC : ZoneId.systemDefault();
    }

    /** @return where a back-dated line was filed and that it is selected, in words, or empty */
    public javafx.beans.property.ReadOnlyStringProperty captureNoticeProperty() {
        return captureNotice;
    }

    /** A back-dated entry is filed at its own time: select it and say where it went. */
    private void showFiled(Event stored) {
        Integer i = rowIndex.get(stored.id());
        if (i == null) {
            return;
        }
        TimelineEntry row = rows.get(i);
        captureNotice.set(FiledNotice.text(
                rows.stream().filter(r -> OLDEST_FIRST.compare(r, row) > 0).count(),
                newestFirst.get(),
                !filtered.contains(row),
                TimeFormat.seconds(stored.occurredAt(), displayZone(), today())));
        requestSelection(stored.id());
    }

    /** @return the capture bar's message: why a line was refused, or empty */
    public StringProperty captureMessageProperty() {
        return captureMessage;
    }

    /** @return the author name, or empty if not yet given */
    public String author() {
        return settings.settings().author().orElse("");
    }

    /**
     * Records what was typed in the quick-capture bar. A line that parses is queued at once (its
     * time and event id fixed now) and saved after the lines entered before it, each exactly once;
     * the bar may clear for the next line. A line that does not parse sets the capture message and
     * is not taken. See {@link CaptureBarViewModel} for what happens when a save fails.
     *
     * @param line the typed line
     * @param onSaved called on the FX thread once this line is durable
     * @return true if the line was taken (clear the bar), false if it stays in the bar (refused,
     *     blank, or a blank Enter that only retried a stopped queue)
     */
    public boolean submit(String line, Runnable onSaved) {
        captureNotice.set(""); // said where the last back-dated line went: the next line is news
        Capture c = parser.parse(line, displayZone());
        if (c instanceof Capture.Blank) {
            captures.retryIfStopped(); // Enter on an empty bar tries a failed save again
            return false;
        }
        if (c instanceof Capture.Invalid inv) {
            captureMessage.set(inv.message());
            return false;
        }
        return captures.offer(line, (Capture.Command) c, onSaved);
    }

    /**
     * Takes the line whose save failed back out of the queue, to edit it in the bar (Esc on an
     * empty bar). Entered again unchanged, it is still stored once.
     *
     * @return the line, if saving stopped on a failure
     */
    public java.util.Optional<String> takeBackFailedLine() {
        return captures.takeBack();
    }

    /** @return the lines waiting to be saved, in words ("Saving 2 lines…"), or empty */
    public javafx.beans.property.ReadOnlyStringProperty pendingCapturesProperty() {
        return captures.statusProperty();
    }

    /** @return false while the older entries of a long incident are still being loaded */
    public javafx.beans.value.ObservableBooleanValue historyCompleteProperty() {
        return incident.completeProperty();
    }

    /** @return true while the rows of a newly opened incident are being built in the background */
    public javafx.beans.property.ReadOnlyBooleanProperty rebuildingProperty() {
        return rebuilding;
    }

    /** @return true while a captured line is being saved */
    public javafx.beans.property.ReadOnlyBooleanProperty savingProperty() {
        return captures.savingProperty();
    }

    private final javafx.beans.property.ObjectProperty<java.util.UUID> selectionRequest =
            new javafx.beans.property.SimpleObjectProperty<>();

    /**
     * Asks the timeline to select and show the entry of an event (a marker clicked on an impact
     * chart). Asking again for the same event selects it again.
     *
     * @param eventId the event's id
     */
    public void requestSelection(java.util.UUID eventId) {
        selectionRequest.set(null);
        selectionRequest.set(eventId);
    }

    /** @return the id of the event the timeline was last asked to select, or null */
    public javafx.beans.value.ObservableValue<java.util.UUID> selectionRequestProperty() {
        return selectionRequest;
    }

    /**
     * @return a counter that goes up when the list should show its newest entry: after the user's
     *     own entry is saved and after an incident is opened, never for entries others append
     *     (so reading back through the history is not interrupted)
     */
    public javafx.beans.value.ObservableIntegerValue scrollRequests() {
        return scrollRequests;
    }

    /** @return today's date in the zone shown, for telling which rows need their date */
    /**
     * Shows a feature's words beside each entry (the war room's "not yet shared", "superseded by
     * …"). FX thread.
     *
     * @param remarks the remarks, answered from memory
     */
    public void useRemarks(dev.conn.incident.EventRemarks remarks) {
        this.remarks = java.util.Objects.requireNonNull(remarks, "remarks");
        remarksRevision.set(remarksRevision.get() + 1);
    }

    /**
     * @param e an entry's event
     * @return the remark to show beside it, if any
     */
    public java.util.Optional<String> remark(Event e) {
        return stars.remark(e.id(), remarks.remark(e));
    }

    /**
     * Stars an entry as a key event of the postmortem, or takes its star away, through the one
     * writer ({@code ENTRY_STARRED}).
     *
     * @param row the entry
     * @param onError told why on the FX thread if it could not be saved
     */
    public void toggleStar(TimelineEntry row, Consumer<String> onError) {
        incident.star(row.event(), !stars.isStarred(row.event().id()), onError);
    }

    /** @return goes up whenever the remarks change; the view redraws its rows then */
    public javafx.beans.property.ReadOnlyIntegerProperty remarksRevisionProperty() {
        return remarksRevision.getReadOnlyProperty();
    }

    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(displayZone()));
    }

    /**
     * Corrects an entry's text by appending a correction; the original stays.
     *
     * @param row the row to correct
     * @param text the new text
     * @param onError told why on the FX thread if refused
     */
    public void correct(TimelineEntry row, String text, Consumer<String> onError) {
        incident.correct(row.event(), text, onError);
    }
}
