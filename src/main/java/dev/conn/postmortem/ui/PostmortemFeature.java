package dev.conn.postmortem.ui;

import dev.conn.incident.IncidentService;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.secrets.KnownSecrets;
import dev.conn.postmortem.BundleImporter;
import dev.conn.postmortem.MetricSeriesArchive;
import dev.conn.postmortem.PostmortemExports;
import dev.conn.postmortem.PostmortemService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The postmortem feature's one entry point: it builds the postmortem commands ({@link
 * PostmortemService}), the exporters and the bundle importer, the view models of the Postmortem and
 * History tabs, and returns what the feature adds to the main window ({@link #contribution()}): the
 * two tabs, the Export menu and the TTx line in the incident header. It also offers a bundle file
 * Conn was opened with for import ({@link #offerImport}). Build and use on the FX thread.
 */
public final class PostmortemFeature {
    private final PostmortemViewModel postmortem;
    private final TransfersViewModel transfers;
    private final HistoryViewModel history;
    private final FileChoice files;
    private final Supplier<Window> owner;

    /**
     * @param incident the open incident, the author, the tick, and where errors go
     * @param incidents the incident log the commands are written to and exports read
     * @param archive the cached metric series the JSON bundle carries
     * @param secrets the process's known secret values, asked once per export on its (background)
     *     thread, so every secret the settings reference is scrubbed from exports
     * @param tasks the background runner commands, exports and imports run on
     * @param clock now (debounce of typing, overdue action items, today's date in exports)
     * @param owner the window the dialogs belong to
     * @param files chooses the Export menu's files; null for the file dialogs
     */
    public PostmortemFeature(
            IncidentViewModel incident,
            IncidentService incidents,
            MetricSeriesArchive archive,
            Supplier<KnownSecrets> secrets,
            TaskRunner tasks,
            Clock clock,
            Supplier<Window> owner,
            FileChoice files) {
        this.owner = owner;
        this.files = files != null ? files : FileChoice.dialogs(owner);
        PostmortemSender sender = new PostmortemSender(incident, new PostmortemService(incidents), tasks);
        postmortem = new PostmortemViewModel(incident, sender, tasks, clock);
        transfers = new TransfersViewModel(
                incident,
                new PostmortemExports(incidents, archive, clock, secrets),
                new BundleImporter(incidents, archive),
                tasks,
                postmortem.messageProperty()::set,
                postmortem::flush);
        history = new HistoryViewModel(incidents, incident, tasks);
    }

    /** @return the postmortem tab's view model */
    public PostmortemViewModel postmortem() {
        return postmortem;
    }

    /** @return the Postmortem and History tabs, the Export menu and the TTx header item */
    public ShellContribution contribution() {
        Label ttx = new Label();
        ttx.setId("ttx-status");
        ttx.textProperty().bind(postmortem.ttxProperty());
        ttx.getStyleClass().add("milestone-badge");
        return ShellContribution.builder()
                .panel(new ShellContribution.WorkspacePanel(
                        "postmortem",
                        "Postmortem",
                        KeyCombination.keyCombination("Shortcut+Shift+E"),
                        new PostmortemView(postmortem)::build))
                .panel(new ShellContribution.WorkspacePanel(
                        "history",
                        "History",
                        KeyCombination.keyCombination("Shortcut+Shift+Y"),
                        new HistoryView(history)::build))
                .menu(ExportMenu.build(transfers, files))
                .headerItem(ttx)
                .build();
    }

    /**
     * Offers an incident bundle for import, as when the desktop opens Conn with an {@code
     * *.conn.json} file: asks "Import incident X from FILE?" and, on yes, imports it as Export &gt;
     * Import bundle does. A file that is not a valid bundle is reported with the reason; nothing is
     * written then.
     *
     * @param file the bundle file
     */
    /**
     * Turns on Create ticket and Refresh ticket status (issue 16 §1).
     *
     * @param desk where tickets are created and read, as the settings say at each use
     * @param network the network runner, for reading ticket status
     * @return a hook to call when the settings changed (the ticket buttons follow them)
     */
    public Runnable useTickets(dev.conn.postmortem.TicketDesk desk, TaskRunner network) {
        postmortem.actionItems().useTickets(desk, network);
        postmortem.followTicketRequests();
        return postmortem.actionItems()::settingsChanged;
    }

    public void offerImport(Path file) {
        transfers.offerImport(file, (preview, f) -> ImportBundleDialog.ask(owner.get(), preview, f));
    }
}
