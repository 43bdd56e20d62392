package dev.conn.platform.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A long row wraps inside a narrow list, every word in view; a short row stays one line. */
@ExtendWith(ApplicationExtension.class)
class WrappingTextCellTest {

    @Test
    void aLongRowWrapsOverSeveralLinesInsideTheListAndAShortOneStaysOneLine(FxRobot robot) throws Exception {
        String longRow = "statuspage-public-status-example-com-europe-and-emea: Investigating: checkout errors for"
                + " card payments for customers in Europe (Deutschland, España, France) since 07:55 UTC · delivery"
                + " unknown";
        ListView<String> list = new ListView<>();
        list.setCellFactory(v -> new WrappingTextCell<>(s -> s));
        list.getItems().setAll(longRow, "slack-ops: Resolved");
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(list, 300, 400));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        AtomicReference<List<String>> faults = new AtomicReference<>();
        AtomicReference<double[]> heights = new AtomicReference<>();
        robot.interact(() -> {
            Node viewport = list.lookup(".clipped-container");
            Bounds inView = viewport.localToScene(viewport.getLayoutBounds());
            List<String> out = new ArrayList<>();
            double[] h = new double[2];
            for (Node n : list.lookupAll(".list-cell")) {
                WrappingTextCell<?> cell = (WrappingTextCell<?>) n;
                if (cell.isEmpty() || cell.getText() == null) {
                    continue;
                }
                h[cell.getIndex()] = cell.getHeight();
                String shown = cell.getChildrenUnmodifiable().stream()
                        .filter(c -> c instanceof Text)
                        .map(c -> ((Text) c).getText().replaceAll("\\s+", " "))
                        .findFirst()
                        .orElse("");
                if (!shown.equals(cell.getText())) {
                    out.add("'" + cell.getText() + "' shows '" + shown + "'");
                }
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (b.getMaxX() > inView.getMaxX() + 1) {
                    out.add("'" + cell.getText() + "' runs past the list's edge");
                }
            }
            faults.set(out);
            heights.set(h);
            list.getScene().getWindow().hide();
        });

        assertThat(faults.get()).isEmpty();
        assertThat(heights.get()[0]).as("the long row's lines").isGreaterThan(heights.get()[1] * 3);
    }
}
