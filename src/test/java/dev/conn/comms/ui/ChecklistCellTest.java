package dev.conn.comms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conn.comms.ChecklistItem;
import dev.conn.comms.ItemState;
import java.time.Instant;
import java.util.List;
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

    @Test
    void inAListTheRowWithoutANoteIsShorterThanTheRowsWithOne(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<ChecklistItem> list = new javafx.scene.control.ListView<>();
        list.setCellFactory(v -> new ChecklistCell(() -> NOW));
        list.getItems()
                .setAll(
                        item("notify", Optional.of("message: SEV1: checkout returns 502")),
                        item("bridge", Optional.empty()),
                        item("lead", Optional.of("Julia Park is Communications Lead")));
        robot.interact(() -> {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(list, 500, 300));
            stage.show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        // the plan is re-folded as events arrive: the same row's next item has no note
        robot.interact(() -> list.getItems().set(1, item("bridge", Optional.empty())));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<double[]> heights = new AtomicReference<>();
        robot.interact(() -> heights.set(list.lookupAll(".list-cell").stream()
                .map(n -> (ChecklistCell) n)
                .filter(c -> !c.isEmpty() && c.isVisible())
                .sorted(java.util.Comparator.comparingInt(ChecklistCell::getIndex))
                .mapToDouble(c -> c.getHeight())
                .toArray()));
        robot.interact(() -> list.getScene().getWindow().hide());

        assertThat(heights.get()).hasSize(3);
        assertThat(heights.get()[1])
                .as(
                        "'Open a bridge/channel' with no note: one line, not two (rows %s)",
                        java.util.Arrays.toString(heights.get()))
                .isLessThan(heights.get()[0] * 0.8);
        assertThat(heights.get()[2]).isCloseTo(heights.get()[0], org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void inANarrowPanelTheStateWordStaysWholeAndALongNoteWraps(FxRobot robot) throws Exception {
        javafx.scene.control.ListView<ChecklistItem> list = new javafx.scene.control.ListView<>();
        list.setCellFactory(v -> new ChecklistCell(() -> NOW));
        // at 1280×720 the Comms panel showed "D..." beside "…checkout errors for customers in Eur..."
        list.getItems()
                .setAll(
                        item(
                                "status",
                                Optional.of(
                                        "message: Investigating: checkout errors for customers in Europe, payments unaffected")));
        robot.interact(() -> {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(list, 340, 200));
            stage.show();
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<java.util.Map<String, String>> shown = new AtomicReference<>();
        AtomicReference<Integer> noteLines = new AtomicReference<>();
        robot.interact(() -> {
            ChecklistCell cell = (ChecklistCell) list.lookupAll(".list-cell").stream()
                    .filter(n -> !((ChecklistCell) n).isEmpty())
                    .findFirst()
                    .orElseThrow();
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (Label l : List.of(
                    (Label) ((HBox) cell.getGraphic()).getChildren().get(1),
                    (Label) ((VBox) ((HBox) cell.getGraphic()).getChildren().get(2))
                            .getChildren()
                            .get(0),
                    dueLabel(cell))) {
                m.put(l.getText(), rendered(l));
            }
            shown.set(m);
            Label due = dueLabel(cell);
            noteLines.set((int) Math.round(due.getHeight() / due.getFont().getSize() / 1.2));
        });
        robot.interact(() -> list.getScene().getWindow().hide());

        shown.get()
                .forEach((text, rendered) ->
                        assertThat(rendered).as("shown whole, not cut").isEqualTo(text));
        assertThat(noteLines.get()).as("the note wraps").isGreaterThanOrEqualTo(2);
    }

    /** @return what the label draws: its text, or the shortened text with an ellipsis */
    private static String rendered(Label l) {
        return l.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n)
                        .getText()
                        .replace("\n", " ")
                        .replaceAll("\\s+", " "))
                .findFirst()
                .orElse("");
    }

    private static ChecklistItem item(Optional<String> note) {
        return item("bridge", note);
    }

    private static ChecklistItem item(String id, Optional<String> note) {
        return new ChecklistItem(
                id,
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
