package dev.conn.command.ui;

import dev.conn.command.CommunicationDeadlines;
import dev.conn.command.PeopleService;
import dev.conn.fatigue.FatigueMonitor;
import dev.conn.incident.IncidentService;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.platform.fx.AlertCentre;
import dev.conn.platform.fx.ShellContribution;
import dev.conn.platform.fx.TaskRunner;
import dev.conn.platform.fx.ViewLoader;
import dev.conn.settings.Policy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * The people feature's one entry point: it builds the people commands ({@link PeopleService}), the
 * three view models (command banners, fatigue alerts, the People panel's lists) and their views,
 * routes their conditions into the alert centre, and returns what it adds to the main window
 * ({@link #contribution()}): the People menu, the command banners above the incident header, and
 * the People panel on the right, shown on demand and on its own while a fatigue alert or an overdue
 * check-back waits. Build and use on the FX thread.
 */
public final class PeopleFeature {
    private final CommandBannersViewModel banners;
    private final PeopleListViewModel people;
    private final FatigueAlertsViewModel fatigue;
    private final PeopleActions actions;
    private final PagingViewModel paging;
    private final Supplier<Window> owner;
    private final BooleanProperty chosen = new SimpleBooleanProperty(false);
    private final BooleanBinding shown;
    private final ViewLoader loader;
    private PeopleView view;

    /**
     * @param incident the open incident, the author, the tick, and where errors go
     * @param incidents the incident log the commands are written to
     * @param tasks the background runner commands run on
     * @param policy the hand-off ACK timeout and the fatigue thresholds
     * @param random draws read-back codes ({@code SecureRandom} in the app)
     * @param deadlines where hand-off briefs get the coming communication deadlines
     * @param fallbackZone the zone for night hours of responders who gave none
     * @param alerts the alert centre the people conditions are listed in
     * @param owner the window the dialogs belong to
     */
    public PeopleFeature(
            IncidentViewModel incident,
            IncidentService incidents,
            TaskRunner tasks,
            Policy policy,
            RandomGenerator random,
            CommunicationDeadlines deadlines,
            ZoneId fallbackZone,
            AlertCentre alerts,
            Supplier<Window> owner) {
        Duration ackTimeout = policy.handoff().ackTimeout();
        FatigueMonitor monitor = new FatigueMonitor(policy.fatigue(), fallbackZone);
        CommandSender sender = new CommandSender(
                incident, PeopleService.create(incidents, ackTimeout, random, deadlines, monitor), tasks);
        banners = new CommandBannersViewModel(incident, sender, ackTimeout);
        people = new PeopleListViewModel(incident, sender, monitor, ackTimeout);
        fatigue = new FatigueAlertsViewModel(incident, sender, monitor, ackTimeout);
        actions = new PeopleActions(people, banners, owner, () -> chosen.set(true));
        paging = new PagingViewModel(incident, new dev.conn.command.PagingService(incidents.log()));
        this.owner = owner;
        // a narrow window stays readable: the panel opens on demand (Ctrl+Shift+P, any People
        // action) and on its own while a fatigue alert or an overdue check-back waits
        shown = chosen.or(Bindings.isNotEmpty(fatigue.alerts())).or(people.anyOverdueProperty());
        loader = new ViewLoader(type -> {
            if (type == CommandBannerView.class) {
                return new CommandBannerView(banners, actions);
            }
            if (type == PeopleView.class) {
                return new PeopleView(people, fatigue, actions);
            }
            throw new IllegalArgumentException("no controller for " + type);
        });
        if (alerts != null) {
            PeopleAlerts.route(banners, fatigue, people, alerts, incident);
        }
    }

    /**
     * Lets the hand-off brief be sent through a message channel (the comms composer), besides
     * being read aloud or copied; the composition root wires it, so {@code command} does not
     * depend on {@code comms}.
     *
     * @param sender opens the composer with a subject and a body (FX thread)
     */
    public void sendBriefsWith(BiConsumer<String, String> sender) {
        actions.sendBriefsWith(sender);
    }

    /** @return the People menu, the command banners and the People panel */
    /**
     * Turns on Page… and Resolve page (issue 16 §2).
     *
     * @param desk PagerDuty as the settings say at each use
     * @param network the network runner, for reading acknowledgements
     * @return a hook to call when the settings changed (the targets follow them)
     */
    public Runnable usePaging(dev.conn.command.PagingDesk desk, dev.conn.platform.fx.TaskRunner network) {
        paging.use(desk, network);
        return paging::settingsChanged;
    }

    public ShellContribution contribution() {
        return ShellContribution.builder()
                .menu(menu())
                .banner(loader.load(CommandBannerView.class))
                .sidePanel(new ShellContribution.SidePanel("people", this::panel, shown))
                .build();
    }

    private Node panel() {
        Node node = loader.load(PeopleView.class);
        view = (PeopleView) loader.lastController();
        actions.useSelection(view::selectedResponder);
        javafx.scene.layout.VBox.setVgrow(node, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.VBox panel = new javafx.scene.layout.VBox(8, node, PagesPane.build(paging, owner));
        // the widths of PeopleView.fxml's root: the pages never widen the panel
        panel.setPrefWidth(310);
        panel.setMinWidth(250);
        panel.setMaxWidth(350);
        return panel;
    }

    private void toggle() {
        boolean show = !shown.get();
        chosen.set(show);
        if (show) {
            Platform.runLater(() -> Optional.ofNullable(view).ifPresent(PeopleView::focusRoster));
        }
    }

    private Menu menu() {
        Menu menu = new Menu("_People");
        menu.setId("people-menu");
        menu.getItems()
                .addAll(
                        item("Show or hide the people panel", "Shortcut+Shift+P", this::toggle),
                        item("Add responder…", "Shortcut+Shift+J", actions::addResponder),
                        item("Assign role…", "Shortcut+Shift+R", () -> actions.assignRole(Optional.empty())),
                        new SeparatorMenuItem(),
                        item(
                                "Offer hand-off…",
                                "Shortcut+Shift+H",
                                () -> actions.offerHandoff(Optional.empty(), Optional.empty())),
                        item("Acknowledge hand-off…", "Shortcut+Shift+A", actions::acknowledgeHandoff),
                        item("Decline hand-off", "Shortcut+Shift+D", actions::declineHandoff),
                        item("Withdraw hand-off offer", "Shortcut+Shift+W", actions::withdrawHandoff),
                        new SeparatorMenuItem(),
                        item("Start / end break of selected", "Shortcut+Shift+B", actions::toggleBreak),
                        item("Assign task…", "Shortcut+Shift+K", actions::assignTask),
                        new SeparatorMenuItem(),
                        item("Page…", "Shortcut+Shift+G", () -> {
                            chosen.set(true);
                            PagesPane.ask(owner.get(), paging);
                        }));
        return menu;
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(shortcut));
        item.setOnAction(e -> action.run());
        return item;
    }
}
