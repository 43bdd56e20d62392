package dev.conn.timeline.ui;

import dev.conn.incident.IncidentId;
import dev.conn.incident.IncidentState;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.timeline.Capture;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The quick-capture bar's lines on their way to the disk. Each line the user enters is queued at
 * once as a typed command, with its event id (minted by the parser) and its time (UTC, unless
 * back-dated) fixed at Enter, so the bar is free for the next line while the disk is slow. Lines are saved one at a time, in the order typed, each
 * once: a save whose outcome is unknown is retried with the same id, which the store recognises.
 *
 * <p>When a save fails, the queue stops (later lines never overtake an earlier one), the reason is
 * shown, and Enter tries again; Esc on an empty bar takes the failed line back for editing. A line
 * refused for breaking a rule (too long, dated in the future) stops the queue the same way, with
 * the refusal in the same words as the CLI's. Touch
 * only on the FX thread.
 */
final class CaptureBarViewModel {
    private record Pending(
            String line, IncidentId incident, Capture.Command command, Runnable onSaved, boolean backDated) {}

    private final IncidentViewModel incident;
    private final Clock clock;
    private final StringProperty message;
    private final Runnable afterEachSave;
    private final java.util.function.Consumer<dev.conn.incident.Event> afterBackDated;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private boolean halted;
    private Pending takenBack;

    /**
     * @param incident the open incident, which saves each entry off the FX thread
     * @param clock stamps each line at Enter
     * @param message the capture bar's message: why a save failed, or empty
     * @param afterEachSave run on the FX thread after each line is durable (the list shows the newest)
     * @param afterBackDated run instead, with the stored event, after a line typed with its own time
     *     is durable: it may be filed far from the newest entries, so the list shows it
     */
    CaptureBarViewModel(
            IncidentViewModel incident,
            Clock clock,
            StringProperty message,
            Runnable afterEachSave,
            java.util.function.Consumer<dev.conn.incident.Event> afterBackDated) {
        this.incident = incident;
        this.clock = clock;
        this.message = message;
        this.afterEachSave = afterEachSave;
        this.afterBackDated = afterBackDated;
    }

    /**
     * Queues a parsed line and starts saving if nothing is being saved. Entering again the very line
     * whose save failed (or that was taken back) retries it with its first id instead of queuing a
     * second copy.
     *
     * @param line the text as typed
     * @param command what it means
     * @param onSaved run on the FX thread once this line is durable
     * @return true if the line was taken (the bar may clear), false if it was refused (no incident open)
     */
    boolean offer(String line, Capture.Command command, Runnable onSaved) {
        Optional<IncidentState> open = incident.current();
        if (open.isEmpty()) {
            message.set("Declare or open an incident first (Ctrl+N)");
            return false;
        }
        IncidentId id = open.get().id();
        Pending head = queue.peekFirst();
        if (takenBack != null
                && takenBack.line().equals(line)
                && takenBack.incident().equals(id)) {
            queue.addFirst(new Pending(line, id, takenBack.command(), onSaved, takenBack.backDated()));
        } else if (halted
                && head != null
                && head.line().equals(line)
                && head.incident().equals(id)) {
            // the failed line entered again: a retry of the same entry, never a second copy
            queue.pollFirst();
            queue.addFirst(new Pending(
                    line,
                    id,
                    head.command(),
                    () -> {
                        head.onSaved().run();
                        onSaved.run();
                    },
                    head.backDated()));
        } else {
            Instant at = command.at().orElse(clock.instant());
            queue.addLast(
                    new Pending(line, id, command.at(at), onSaved, command.at().isPresent()));
        }
        takenBack = null;
        resume();
        return true;
    }

    /** Tries the queue again if it stopped on a failure (Enter on an empty bar); else does nothing. */
    void retryIfStopped() {
        if (halted) {
            resume();
        }
    }

    private void resume() {
        halted = false;
        message.set("");
        if (!saving.get()) {
            saveNext();
        }
        showStatus();
    }

    /**
     * Takes the line whose save failed out of the stopped queue, for editing. Entered again
     * unchanged, it keeps its id, so it is still stored once.
     *
     * @return the line, if the queue stopped on a failure
     */
    Optional<String> takeBack() {
        if (!halted || queue.isEmpty()) {
            return Optional.empty();
        }
        takenBack = queue.pollFirst();
        if (queue.isEmpty()) {
            halted = false;
            message.set("");
        }
        showStatus();
        return Optional.of(takenBack.line());
    }

    /** @return true while a line is being saved */
    ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** @return what waits, in words ("Saving 3 lines…", "2 lines not saved yet…"), or empty */
    ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** @return how many entered lines are not yet durable */
    int waiting() {
        return queue.size();
    }

    private void saveNext() {
        Pending p = queue.peekFirst();
        if (p == null) {
            saving.set(false);
            return;
        }
        Optional<IncidentState> open = incident.current();
        if (open.isEmpty() || !open.get().id().equals(p.incident())) {
            stop("Not saved: " + lines(queue.size()) + " typed for another incident; open it again and press"
                    + " Enter to save " + (queue.size() == 1 ? "it" : "them"));
            return;
        }
        saving.set(true);
        java.util.function.Consumer<String> failed =
                why -> stop(why + ". Press Enter to try again, or Esc to edit the line");
        // a refusal cannot succeed as typed: say why as the CLI does; Esc brings the line back
        java.util.function.Consumer<String> refused = this::stop;
        java.util.function.Consumer<Object> saved = ignored -> {
            queue.pollFirst();
            saving.set(false);
            if (p.backDated() && ignored instanceof dev.conn.incident.Event stored) {
                afterBackDated.accept(stored);
            } else {
                afterEachSave.run();
            }
            p.onSaved().run();
            if (!halted) {
                saveNext();
            }
            showStatus();
        };
        if (p.command() instanceof Capture.Entry e) {
            incident.addEntry(e.command(), saved::accept, failed, refused);
        } else {
            incident.changeHeader(((Capture.HeaderChange) p.command()).command(), saved::accept, failed, refused);
        }
    }

    private void stop(String why) {
        saving.set(false);
        halted = true;
        message.set(why);
        showStatus();
    }

    private void showStatus() {
        Pending head = queue.peekFirst();
        if (head == null) {
            status.set("");
        } else if (halted) {
            status.set("Not saved yet: “" + head.line() + "”"
                    + (queue.size() > 1 ? " and " + lines(queue.size() - 1) + " after it" : ""));
        } else {
            status.set("Saving " + lines(queue.size()) + "…");
        }
    }

    private static String lines(int n) {
        return n == 1 ? "1 line" : n + " lines";
    }
}
