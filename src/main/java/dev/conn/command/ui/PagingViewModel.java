package dev.conn.command.ui;

import dev.conn.command.PageCommand;
import dev.conn.command.Pages;
import dev.conn.command.PagingDesk;
import dev.conn.command.PagingService;
import dev.conn.command.UtcTime;
import dev.conn.incident.Event;
import dev.conn.incident.ui.IncidentViewModel;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageStatus;
import dev.conn.platform.fx.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The People panel's pages (issue 16 §2): *Page…* and *Resolve page* as {@link PageCommand}s
 * through the one writer, the pages of the open incident as folded from its events ({@link Pages}),
 * every open page resolved when the incident resolves, and, with a PagerDuty REST API key, the
 * acknowledgement read every {@link #POLL} on the network runner (driven by the 1-second tick of the
 * injected clock) and recorded on the timeline. FX thread only.
 */
public final class PagingViewModel {
    /** How often an unacknowledged page is read from PagerDuty. */
    public static final Duration POLL = Duration.ofSeconds(30);

    private final IncidentViewModel incident;
    private final PagingService service;
    private final ObservableList<Pages.Page> pages = FXCollections.observableArrayList();
    private final ObservableList<PagingDesk.Target> targets = FXCollections.observableArrayList();
    private final BooleanProperty configured = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private PagingDesk desk = PagingDesk.NONE;
    private TaskRunner network;
    private Pages fold = new Pages();
    private Instant polledAt = Instant.MIN;
    private boolean polling;
    private boolean resolvingAll;

    /**
     * @param incident the open incident (its events, its tick, where writes go)
     * @param service sends the commands
     */
    PagingViewModel(IncidentViewModel incident, PagingService service) {
        this.incident = incident;
        this.service = service;
        incident.events().addListener((ListChangeListener<Event>) c -> refold());
        incident.nowProperty().addListener((o, was, now) -> tick(now));
        refold();
    }

    /**
     * @param desk PagerDuty as the settings say now
     * @param network the network runner, for reading acknowledgements
     */
    void use(PagingDesk desk, TaskRunner network) {
        this.desk = desk;
        this.network = network;
        settingsChanged();
    }

    /** Re-reads the configured targets (after the settings changed). */
    void settingsChanged() {
        targets.setAll(desk.targets());
        configured.set(!targets.isEmpty());
    }

    /** @return the pages of the open incident, in the order first paged */
    public ObservableList<Pages.Page> pages() {
        return pages;
    }

    /** @return the targets *Page…* offers */
    public ObservableList<PagingDesk.Target> targets() {
        return targets;
    }

    /** @return true while PagerDuty has a target configured */
    public ReadOnlyBooleanProperty configuredProperty() {
        return configured;
    }

    /** @return the outcome of the last request, or why it was refused */
    public StringProperty messageProperty() {
        return message;
    }

    /**
     * Page… : a trigger to one target.
     *
     * @param target the target
     * @param text what the pager says besides the title (blank: nothing)
     * @param link a link sent with it (blank: none)
     */
    public void page(PagingDesk.Target target, String text, String link) {
        send(
                new PageCommand.Page(target.id(), target.name(), Optional.ofNullable(text), Optional.ofNullable(link)),
                "Page to " + target.name() + " queued: it leaves as soon as PagerDuty can be reached");
    }

    /**
     * Resolve page: a resolve of one target's page.
     *
     * @param page the page (null: nothing selected)
     */
    public void resolve(Pages.Page page) {
        if (page == null) {
            message.set("Select a page first");
            return;
        }
        send(new PageCommand.ResolvePage(page.targetId()), "Resolve of the page to " + page.targetName() + " queued");
    }

    /**
     * @param p a page
     * @return it in words, for the panel
     */
    public static String describe(Pages.Page p) {
        String state;
        if (p.pending().isPresent()) {
            state = p.resolved() || !p.paged() ? "paging… (queued)" : "request queued";
        } else if (p.failure().isPresent()) {
            state = "PagerDuty refused: " + p.failure().get();
        } else if (p.resolved()) {
            state = "resolved";
        } else if (p.acknowledgedBy().isPresent()) {
            state = "acknowledged"
                    + (p.acknowledgedBy().get().isEmpty()
                            ? ""
                            : " by " + p.acknowledgedBy().get())
                    + p.acknowledgedAt().map(t -> " at " + UtcTime.hhmm(t)).orElse("");
        } else {
            state = "paged" + p.sentAt().map(t -> " at " + UtcTime.hhmm(t)).orElse("") + ", not acknowledged yet";
        }
        return p.targetName() + ": " + state;
    }

    private void send(PageCommand command, String done) {
        incident.send(
                (id, who) -> service.execute(id, command, who),
                appended -> message.set(appended.isEmpty() ? "" : done),
                message::set,
                message::set);
    }

    private void refold() {
        fold = Pages.of(List.copyOf(incident.events()));
        List<Pages.Page> now = fold.all();
        if (!pages.equals(now)) {
            pages.setAll(now);
        }
        if (fold.incidentResolved() && !resolvingAll && pages.stream().anyMatch(Pages.Page::resolvable)) {
            resolvingAll = true; // once per resolution: PagerDuty's resolve is idempotent anyway
            incident.send(
                    (id, who) -> service.execute(id, new PageCommand.ResolveAllPages(), who),
                    appended -> resolvingAll = false,
                    e -> resolvingAll = false,
                    e -> resolvingAll = false);
        }
    }

    private void tick(Instant now) {
        if (polling || network == null || !desk.readsAcknowledgements() || now == null) {
            return;
        }
        if (now.isBefore(polledAt.plus(POLL))) {
            return;
        }
        List<Pages.Page> waiting =
                pages.stream().filter(Pages.Page::awaitsAcknowledgement).toList();
        if (waiting.isEmpty()) {
            return;
        }
        polledAt = now;
        polling = true;
        PagingDesk d = desk;
        network.run(
                () -> waiting.stream()
                        .map(p -> new Polled(p, d.status(p.dedupKey())))
                        .toList(),
                results -> {
                    polling = false;
                    for (Polled r : results) {
                        if (r.status() instanceof Outcome.Sent<PageStatus> s
                                && s.value().state() == PageStatus.State.ACKNOWLEDGED) {
                            acknowledged(r.page(), s.value());
                        }
                    }
                },
                e -> polling = false);
    }

    private void acknowledged(Pages.Page p, PageStatus st) {
        incident.send(
                (id, who) -> service.execute(
                        id,
                        new PageCommand.RecordAcknowledgement(p.targetId(), st.acknowledgedBy(), st.acknowledgedAt()),
                        "Conn (PagerDuty)"),
                appended -> {},
                message::set,
                message::set);
    }

    /** One page and what PagerDuty said of it. */
    private record Polled(Pages.Page page, Outcome<PageStatus> status) {}
}
