package dev.conn.app;

import static dev.conn.testing.Ui.label;
import static dev.conn.testing.Ui.texts;
import static dev.conn.testing.Ui.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.incident.Event;
import dev.conn.incident.EventStore;
import dev.conn.incident.EventType;
import dev.conn.incident.StoreException;
import dev.conn.testing.ForwardingEventStore;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The capture bar while the disk is slow (issue 11, finding 10): lines typed while a save is
 * pending are queued and each saved once, in the order typed; the bar clears at every Enter.
 */
class CaptureBarViewTest extends WindowTest {
    /** A store whose appends wait, while {@link #slow} is set, until the test releases them one by one. */
    private static final class SlowStore extends ForwardingEventStore {
        final AtomicBoolean slow = new AtomicBoolean();
        final Semaphore released = new Semaphore(0);
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicBoolean failNext = new AtomicBoolean();

        SlowStore(EventStore delegate) {
            super(delegate);
        }

        @Override
        protected void beforeCall(String method) {
            if (!method.startsWith("append")) {
                return;
            }
            if (slow.get()) {
                waiting.incrementAndGet();
                try {
                    if (!released.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new StoreException("test store never released", null);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted", e);
                } finally {
                    waiting.decrementAndGet();
                }
            }
            if (failNext.getAndSet(false)) {
                throw new StoreException("the disk did not answer", null);
            }
        }
    }

    private SlowStore store;

    private void launchSlow() throws Exception {
        new dev.conn.settings.SettingsFile(dataDir)
                .save(dev.conn.settings.Settings.defaults().withAuthorName("Ana Ops"));
        launch(s -> store = new SlowStore(s));
    }

    @Test
    void linesTypedWhileASaveIsPendingAreEachSavedOnceInOrder(FxRobot robot) throws Exception {
        launchSlow();
        declare(robot, "Checkout errors in EU");
        store.slow.set(true);
        TextField field = robot.lookup("#captureField").queryAs(TextField.class);
        List<String> lines = List.of("gui entry 0-0", "gui entry 0-1", "gui entry 0-2", "gui entry 0-3");

        robot.clickOn(field);
        for (String line : lines) {
            robot.write(line).type(KeyCode.ENTER);
            waitUntil(() -> field.getText().isEmpty()); // the bar is free for the next line at once
        }
        waitUntil(() -> store.waiting.get() == 1); // the first save is still held by the disk
        assertThat(label(robot, "#capturePending").getText()).isEqualTo("Saving 4 lines…");
        store.released.release(lines.size());
        waitUntil(() -> texts(robot).size() == 1 + lines.size());

        assertThat(savedNotes()).containsExactlyElementsOf(lines);
        assertThat(texts(robot)).containsSubsequence(List.of("gui entry 0-3", "gui entry 0-2", "gui entry 0-1"));
        assertThat(field.getText()).isEmpty();
        assertThat(robot.lookup("#capturePending")
                        .queryAs(javafx.scene.control.Label.class)
                        .isVisible())
                .isFalse();

        store.slow.set(false);
        robot.clickOn(field).write("bar still usable").type(KeyCode.ENTER);
        waitUntil(() -> texts(robot).contains("bar still usable"));
        assertThat(savedNotes()).endsWith("gui entry 0-3", "bar still usable");
    }

    @Test
    void afterAFailedSaveLaterLinesWaitAndEnterSavesThemInOrder(FxRobot robot) throws Exception {
        launchSlow();
        declare(robot, "Checkout errors in EU");
        store.slow.set(true);
        store.failNext.set(true);
        TextField field = robot.lookup("#captureField").queryAs(TextField.class);
        robot.clickOn(field).write("first").type(KeyCode.ENTER);
        robot.write("second").type(KeyCode.ENTER);
        waitUntil(() -> field.getText().isEmpty() && store.waiting.get() == 1);
        store.released.release(1); // the first save fails

        waitUntil(() -> label(robot, "#captureMessage").getText().contains("the disk did not answer"));
        assertThat(label(robot, "#capturePending").getText()).isEqualTo("Not saved yet: “first” and 1 line after it");
        assertThat(savedNotes()).isEmpty();

        store.slow.set(false);
        robot.clickOn(field).type(KeyCode.ENTER); // Enter on the empty bar tries again
        waitUntil(() -> texts(robot).contains("second"));
        assertThat(savedNotes()).containsExactly("first", "second");
        assertThat(label(robot, "#captureMessage").getText()).isEmpty();
    }

    private List<String> savedNotes() {
        var id = context.incidents().activeOpenIncident().orElseThrow();
        return context.incidents().timeline(id).stream()
                .filter(e -> e.type() == EventType.NOTE)
                .map(Event::payload)
                .map(p -> p.textOrEmpty("text"))
                .toList();
    }

    private void declare(FxRobot robot, String title) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#declare-title").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#declare-title").queryTextInputControl().setText(title));
        robot.clickOn("#declare-sev2"); // a severity is a required choice
        robot.clickOn("#declare-confirm");
        waitUntil(() -> title.equals(label(robot, "#titleLabel").getText()));
        waitUntil(() -> texts(robot).size() == 1);
    }
}
