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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * One timeline row: a compact head line (time to the second, kind, author, and a mark if corrected
 * or remarked on), and the entry's text below it, wrapping at the row's full width. The tooltip
 * shows the other clock (UTC or local), the full UTC instant, when it was recorded, and the
 * original text of a corrected entry.
 *
 * <p>The row's height follows the width the list offers it ({@link #computePrefHeight}), not the
 * width it had last, so a row is measured right the first time, after a resize and after a text
 * size change.
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
    // a FlowPane: at a large text size in a narrow column the head wraps instead of cutting a label
    private final FlowPane head = new FlowPane(12, 0, time, badge, author, mark);
    private final VBox row = new VBox(2, head, text);
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
        badge.getStyleClass().add(Styles.TYPE_BADGE);
        text.getStyleClass().add("entry-text");
        mark.getStyleClass().add("corrected-mark");
        author.getStyleClass().addAll(Styles.MUTED, "entry-author");
        for (Label l : new Label[] {time, badge, mark, author}) {
            l.setMinWidth(USE_PREF_SIZE);
        }
        head.getStyleClass().add("entry-head");
        head.setAlignment(Pos.BASELINE_LEFT);
        row.setAlignment(Pos.TOP_LEFT);
        row.setFillWidth(true);
        // the list's width decides the row's; a row never asks for a horizontal scroll bar
        setPrefWidth(0);
    }

    /**
     * The height for {@code width}: the head and the text wrap at the width the list offers now.
     * (A Text node wraps at its wrapping width only; a Label in a ListCell would be cut with an
     * ellipsis instead, as the cell computes its graphic's height unwrapped.)
     */
    @Override
    protected double computePrefHeight(double width) {
        fitTo(width > 0 ? width : getWidth());
        return super.computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        fitTo(getWidth());
        super.layoutChildren();
    }

    private void fitTo(double width) {
        if (width <= 0) {
            return;
        }
        double inner = Math.max(40, Math.floor(width - snappedLeftInset() - snappedRightInset() - 2));
        if (text.getWrappingWidth() != inner) {
            text.setWrappingWidth(inner);
            head.setPrefWrapLength(inner);
        }
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
        mark.setVisible(!mark.getText().isEmpty());
        mark.setManaged(mark.isVisible());
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
