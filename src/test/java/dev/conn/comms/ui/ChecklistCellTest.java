package dev.conn.comms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.ItemState;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A checklist row takes the lines it has words for (the README screenshot showed a blank line). */
@ExtendWith(ApplicationExtension.class)
class ChecklistCellTest {
    private static final Instant NOW = Instant.parse("2026-11-21T14:10:00Z");

    @Test
    void aDoneItemWithoutANoteIsOneLineAndItsNoteMakesTheSecond(FxRobot robot) {
        AtomicReference<Label> due = new AtomicReference<>();
        AtomicReference<Boolean> withoutNote = new AtomicReference<>();
        robot.interact(() -> {
            ChecklistCell cell = new ChecklistCell(() -> NOW);
            cell.updateItem(item(Optional.empty()), false);
            due.set(dueLabel(cell));
            withoutNote.set(due.get().isManaged() || due.get().isVisible());
            cell.updateItem(item(Optional.of("Julia Park is Communications Lead")), false);
        });

        assertThat(withoutNote.get())
                .as("an empty second line under 'Open a bridge/channel'")
                .isFalse();
        assertThat(due.get().isManaged()).isTrue();
        assertThat(due.get().isVisible()).isTrue();
        assertThat(due.get().getText()).isEqualTo("Julia Park is Communications Lead");
    }

    private static ChecklistItem item(Optional<String> note) {
        return new ChecklistItem(
                "bridge",
                "Open a bridge/channel",
                Optional.empty(),
                Optional.empty(),
                ItemState.DONE,
                Optional.of(NOW.minusSeconds(300)),
                note,
                false);
    }

    private static Label dueLabel(ChecklistCell cell) {
        HBox row = (HBox) cell.getGraphic();
        VBox what = (VBox) row.getChildren().get(2);
        return (Label) what.getChildren().get(1);
    }
}
