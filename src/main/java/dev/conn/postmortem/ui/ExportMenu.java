package dev.conn.postmortem.ui;

import dev.conn.postmortem.PostmortemExports;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** Builds the Export menu: Markdown, HTML, CSV, JSON bundle, Import bundle…, Open a sample incident. */
final class ExportMenu {
    private ExportMenu() {}

    /**
     * @param model what the items do
     * @param files chooses the files (dialogs in the app, fixed paths in tests)
     * @return the menu
     */
    static Menu build(TransfersViewModel model, FileChoice files) {
        Menu menu = new Menu("E_xport");
        menu.setId("export-menu");
        menu.getItems()
                .addAll(
                        exportItem(model, files, "Postmortem as Markdown…", PostmortemExports.Format.MD, "Shortcut+E"),
                        exportItem(
                                model, files, "Postmortem as HTML…", PostmortemExports.Format.HTML, "Shortcut+Alt+H"),
                        exportItem(model, files, "Timeline as CSV…", PostmortemExports.Format.CSV, "Shortcut+Alt+V"),
                        exportItem(
                                model,
                                files,
                                "Incident bundle (JSON)…",
                                PostmortemExports.Format.JSON,
                                "Shortcut+Alt+J"),
                        new SeparatorMenuItem());
        javafx.scene.control.CheckMenuItem appendix =
                new javafx.scene.control.CheckMenuItem("Postmortems include the full timeline (appendix)");
        appendix.setId("export-full-timeline");
        appendix.selectedProperty().bindBidirectional(model.fullTimelineProperty());
        javafx.scene.control.CheckMenuItem bom =
                new javafx.scene.control.CheckMenuItem("CSV starts with a byte order mark (for Excel)");
        bom.setId("export-csv-bom");
        bom.selectedProperty().bindBidirectional(model.csvBomProperty());
        menu.getItems().addAll(appendix, bom, new SeparatorMenuItem());
        MenuItem importItem = new MenuItem("Import bundle…");
        importItem.setId("import-bundle");
        importItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+O"));
        importItem.setOnAction(e -> files.openBundle().ifPresent(model::importBundle));
        MenuItem sample = new MenuItem("Open a sample incident");
        sample.setId("open-sample");
        sample.setAccelerator(KeyCombination.keyCombination("Shortcut+Alt+D"));
        sample.setOnAction(e -> model.openSample(err -> {}));
        menu.getItems().addAll(importItem, sample);
        return menu;
    }

    private static MenuItem exportItem(
            TransfersViewModel model, FileChoice files, String text, PostmortemExports.Format f, String key) {
        MenuItem item = new MenuItem(text);
        item.setId("export-" + f.extension());
        item.setAccelerator(KeyCombination.keyCombination(key));
        item.setOnAction(e ->
                files.saveAs("Export " + text.replace("…", ""), f.extension()).ifPresent(p -> model.export(f, p)));
        return item;
    }
}
