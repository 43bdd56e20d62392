package dev.conn.timeline;

import dev.conn.incident.Event;
import dev.conn.incident.IncidentViewModel;
import dev.conn.settings.Settings;
import dev.conn.settings.SettingsViewModel;
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
 * search, newest-first or oldest-first order, and the quick-capture bar's submit. Touch only on
 * the FX thread.
 */
public final class TimelineViewModel {
    private static final Comparator<TimelineEntry> OLDEST_FIRST =
            (a, b) -> Event.BY_OCCURRENCE.compare(a.event(), b.event());

    private final IncidentViewModel incident;
    private final SettingsViewModel settings;
    private final CaptureParser parser;

    private final ObservableList<TimelineEntry> rows = FXCollections.observableArrayList();
    private final Map<UUID, Integer> rowIndex = new HashMap<>();
    private TimelineProjection projection = new TimelineProjection();
    private final FilteredList<TimelineEntry> filtered = new FilteredList<>(rows);
    private final SortedList<TimelineEntry> sorted = new SortedList<>(filtered);

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Set<EntryCategory>> shownCategories =
            new SimpleObjectProperty<>(EnumSet.allOf(EntryCategory.class));
    private final BooleanProperty newestFirst = new SimpleBooleanProperty(true);
    private final BooleanProperty showUtc = new SimpleBooleanProperty(false);
    private final StringProperty captureMessage = new SimpleStringProperty("");

    /**
     * @param incident the open incident and its events
     * @param settings the console settings (author name, time display)
     * @param clock the clock back-dated times are measured from
     */
    public TimelineViewModel(IncidentViewModel incident, SettingsViewModel settings, Clock clock) {
        this.incident = incident;
        this.settings = settings;
        this.parser = new CaptureParser(clock);
        showUtc.set(settings.settings().timeDisplay() == Settings.TimeDisplay.UTC);
        showUtc.addListener((o, was, utc) -> settings.update(
                settings.settings().withTimeDisplay(utc ? Settings.TimeDisplay.UTC : Settings.TimeDisplay.LOCAL),
                captureMessage::set));
        incident.events().addListener(this::onEventsChanged);
        searchText.addListener((o, a, b) -> refilter());
        shownCategories.addListener((o, a, b) -> refilter());
        newestFirst.addListener((o, a, b) -> resort());
        resort();
        rebuild(incident.events());
    }

    private void onEventsChanged(ListChangeListener.Change<? extends Event> c) {
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
        apply(added);
    }

    private void rebuild(List<Event> all) {
        projection = new TimelineProjection();
        rowIndex.clear();
        List<TimelineEntry> fresh = new ArrayList<>(all.size());
        for (Event e : all) {
            TimelineProjection.Change ch = projection.apply(e);
            if (ch instanceof TimelineProjection.Change.Added a) {
                rowIndex.put(a.entry().event().id(), fresh.size());
                fresh.add(a.entry());
            } else if (ch instanceof TimelineProjection.Change.Replaced r) {
                fresh.set(rowIndex.get(r.entry().event().id()), r.entry());
            }
        }
        rows.setAll(fresh);
    }

    private void apply(List<Event> added) {
        List<TimelineEntry> newRows = new ArrayList<>();
        for (Event e : added) {
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

    /** @return the capture bar's message: why a line was refused, or empty */
    public StringProperty captureMessageProperty() {
        return captureMessage;
    }

    /** @return the author name, or empty if not yet given */
    public String author() {
        return settings.settings().author().orElse("");
    }

    /**
     * Records what was typed in the quick-capture bar.
     *
     * @param line the typed line
     * @param onSaved called on the FX thread once the entry is durable (the bar clears then)
     */
    public void submit(String line, Runnable onSaved) {
        Capture c = parser.parse(line, displayZone());
        if (c instanceof Capture.Blank) {
            return;
        }
        if (c instanceof Capture.Invalid inv) {
            captureMessage.set(inv.message());
            return;
        }
        Capture.Entry entry = (Capture.Entry) c;
        captureMessage.set("");
        incident.record(entry.type(), entry.payload(), entry.occurredAt(), saved -> onSaved.run(),
                captureMessage::set);
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
