package dev.conn.postmortem.ui;

import dev.conn.incident.PostmortemStatus;
import dev.conn.postmortem.DocumentHeader;
import dev.conn.postmortem.PostmortemCommand;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The postmortem document's header in the Postmortem tab: its date, review status, authors and
 * reviewers, saved as one {@link PostmortemCommand.SetHeader} through the one writer. What the user
 * is typing stays until the stored header changes (another console's save shows then). FX thread.
 */
public final class DocumentHeaderViewModel {
    private final PostmortemSender sender;
    private final Consumer<String> message;
    private final StringProperty date = new SimpleStringProperty("");
    private final ObjectProperty<PostmortemStatus> status = new SimpleObjectProperty<>(PostmortemStatus.DRAFT);
    private final StringProperty authors = new SimpleStringProperty("");
    private final StringProperty reviewers = new SimpleStringProperty("");
    private DocumentHeader shown;

    /**
     * @param sender sends the command on the background runner
     * @param message shows a result or refusal in the tab
     */
    DocumentHeaderViewModel(PostmortemSender sender, Consumer<String> message) {
        this.sender = sender;
        this.message = message;
    }

    /** @param header the header as stored now; shown unless it is the one shown already */
    void show(DocumentHeader header) {
        if (header.equals(shown)) {
            return;
        }
        shown = header;
        date.set(header.date().map(LocalDate::toString).orElse(""));
        status.set(header.status());
        authors.set(String.join(", ", header.authors()));
        reviewers.set(String.join(", ", header.reviewers()));
    }

    /** Forgets what was shown, so the next incident's header shows. */
    void reset() {
        shown = null;
    }

    /**
     * Saves the header as typed: the date as {@code yyyy-MM-dd} (blank for none), names
     * comma-separated. A date that is not one is refused here, naming the format; nothing is sent.
     */
    public void save() {
        Optional<LocalDate> day;
        String typed = date.get() == null ? "" : date.get().strip();
        try {
            day = typed.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(typed));
        } catch (DateTimeParseException e) {
            message.accept("Document date '" + typed + "' is not a date: type it as 2026-11-24, or leave it empty");
            return;
        }
        sender.send(
                new PostmortemCommand.SetHeader(day, split(authors.get()), status.get(), split(reviewers.get())),
                e -> message.accept("Header saved"),
                message);
    }

    private static List<String> split(String s) {
        return List.of((s == null ? "" : s).split(","));
    }

    /** @return the document's date as typed, {@code yyyy-MM-dd} or blank */
    public StringProperty dateProperty() {
        return date;
    }

    /** @return draft, in review or final */
    public ObjectProperty<PostmortemStatus> statusProperty() {
        return status;
    }

    /** @return the authors, comma-separated */
    public StringProperty authorsProperty() {
        return authors;
    }

    /** @return the reviewers, comma-separated */
    public StringProperty reviewersProperty() {
        return reviewers;
    }
}
