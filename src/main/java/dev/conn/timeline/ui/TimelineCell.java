package dev.conn.timeline.ui;

import dev.conn.platform.text.TimeFormat;
import dev.conn.platform.theme.Styles;
import dev.conn.timeline.EntryCategory;
import dev.conn.timeline.TimelineEntry;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One timeline row: time, type, text, author, and a mark if corrected. The tooltip shows the other
 * clock (UTC or local), the full UTC instant, when it was recorded, and the original text of a
 * corrected entry.
 */
public final class TimelineCell extends ListCell<TimelineEntry> {
    private final BooleanSupplier utc;
    private final java.util.function.Function<dev.conn.incident.Event, java.util.Optional<String>> remark;
    private final java.util.function.Supplier<java.time.LocalDate> today;
    private final Label time = new Label();
    private final Label badge = new Label();
    private final Text text = new Text();
    private final Label mark = new Label();
    private final Label author = new Label();
    private final HBox row = new HBox(12, time, badge, text, mark, author);
    private final Tooltip tooltip = new Tooltip();

    /**
     * @param utc true while the timeline shows UTC first
     * @param today today's date in the zone shown; rows from other days show their date
     */
    public TimelineCell(BooleanSupplier utc, java.util.function.Supplier<java.time.LocalDate> today) {
        this(utc, today, e -> java.util.Optional.empty());
    }

    /**
     * @param utc true while the timeline shows UTC first
     * @param today today's date in the zone shown; rows from other days show their date
     * @param remark a feature's words beside an entry (the war room's "not yet shared", …)
     */
    public TimelineCell(
            BooleanSupplier utc,
            java.util.function.Supplier<java.time.LocalDate> today,
            java.util.function.Function<dev.conn.incident.Event, java.util.Optional<String>> remark) {
        this.utc = utc;
        this.today = today;
        this.remark = remark;
        time.getStyleClass().add(Styles.TIME_STAMP);
        time.setMinWidth(USE_PREF_SIZE);
        badge.getStyleClass().add(Styles.TYPE_BADGE);
        text.getStyleClass().add("entry-text");
        mark.getStyleClass().add("corrected-mark");
        mark.setMinWidth(USE_PREF_SIZE);
        author.getStyleClass().add(Styles.MUTED);
        author.setMinWidth(USE_PREF_SIZE);
        row.setAlignment(Pos.TOP_LEFT);
        setPrefWidth(0);
        // Long entries wrap: a Text node wraps at the width the row leaves over (a Label in a
        // ListCell would be cut with an ellipsis instead, as its height is computed unwrapped).
        text.wrappingWidthProperty()
                .bind(widthProperty()
                        .subtract(time.widthProperty())
                        .subtract(badge.widthProperty())
                        .subtract(mark.widthProperty())
                        .subtract(author.widthProperty())
                        .subtract(100));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.getChildren().add(3, spacer);
    }

    @Override
    protected void updateItem(TimelineEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll(Styles.CORRECTED, Styles.RETRACTED);
        if (empty || entry == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        boolean showUtc = utc.getAsBoolean();
        ZoneId first = showUtc ? ZoneOffset.UTC : ZoneId.systemDefault();
        ZoneId other = showUtc ? ZoneId.systemDefault() : ZoneOffset.UTC;
        time.setText(TimeFormat.seconds(entry.event().occurredAt(), first, today.get()));
        badge.setText(
                EntryCategory.of(entry.type()).glyph() + " " + entry.type().label());
        badge.getStyleClass().removeIf(c -> c.startsWith("type-") && !c.equals(Styles.TYPE_BADGE));
        badge.getStyleClass().add(Styles.entryType(entry.type().name()));
        text.setText(entry.text());
        author.setText(entry.event().author());
        String state = entry.retracted() ? "withdrawn" : entry.isCorrected() ? "corrected" : "";
        String remarked = remark.apply(entry.event()).orElse("");
        // the row says it short ("superseded by Bo's hand-off"); the tooltip says why
        String said = remarked.contains(" (") ? remarked.substring(0, remarked.indexOf(" (")) : remarked;
        mark.setText(state.isEmpty() ? said : said.isEmpty() ? state : state + " · " + said);
        if (entry.isCorrected()) {
            getStyleClass().add(Styles.CORRECTED);
        }
        if (entry.retracted()) {
            getStyleClass().add(Styles.RETRACTED);
        }
        StringBuilder tip = new StringBuilder();
        tip.append(TimeFormat.dateTime(entry.event().occurredAt(), other))
                .append(showUtc ? " local" : " UTC")
                .append("\nHappened ")
                .append(TimeFormat.utcSecondsIso(entry.event().occurredAt()))
                .append("\nRecorded ")
                .append(TimeFormat.utcSecondsIso(entry.event().recordedAt()))
                .append(" by ")
                .append(entry.event().author());
        entry.originalText().ifPresent(o -> tip.append("\n\nOriginal text: ")
                .append(o)
                .append("\nCorrected by ")
                .append(entry.correctedBy().orElse("?"))
                .append(" at ")
                .append(entry.correctedAt().map(TimeFormat::utcSecondsIso).orElse("?")));
        if (!remarked.isEmpty()) {
            tip.append("\n\n").append(remarked);
        }
        tooltip.setText(tip.toString());
        setTooltip(tooltip);
        setGraphic(row);
    }
}
