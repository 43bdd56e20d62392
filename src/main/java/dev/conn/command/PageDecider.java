package dev.conn.command;

import dev.conn.incident.Decider;
import dev.conn.incident.Decision;
import dev.conn.incident.Event;
import dev.conn.incident.EventBody;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.integrations.ExternalIds;
import dev.conn.integrations.PageRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides the People panel's pages (issue 16 §2): a {@code PAGE_REQUESTED} (trigger or resolve),
 * stored with its outbox row, so a page is sent once and survives going offline; the
 * acknowledgement read from PagerDuty as {@code PAGE_ACKNOWLEDGED}. Re-paging a target reuses its
 * {@code dedup_key} ({@link ExternalIds#pageDedupKey}), so PagerDuty adds to the same alert. Pure.
 */
public final class PageDecider implements Decider<PageCommand, Pages> {

    @Override
    public Set<EventType> reads() {
        return Pages.TYPES;
    }

    @Override
    public Pages initial() {
        return new Pages();
    }

    @Override
    public Pages evolve(Pages state, Event event) {
        state.add(event);
        return state;
    }

    @Override
    public Decision decide(PageCommand command, Pages state, Clock clock) {
        if (state.incident().isEmpty()) {
            return Decision.refuse("No such incident: declare or open one first (Ctrl+N)");
        }
        if (command instanceof PageCommand.Page p) {
            return page(p, state, clock);
        }
        if (command instanceof PageCommand.ResolvePage r) {
            Optional<Pages.Page> page = state.page(r.targetId());
            if (page.isEmpty() || !page.get().paged()) {
                return Decision.refuse(r.targetId() + " was not paged in this incident");
            }
            if (!page.get().resolvable()) {
                return Decision.refuse(
                        page.get().resolved()
                                ? "The page to " + page.get().targetName() + " is resolved already"
                                : "A request to PagerDuty for " + page.get().targetName() + " is on its way");
            }
            return Decision.accept(resolve(page.get(), state, clock));
        }
        if (command instanceof PageCommand.ResolveAllPages) {
            List<EventBody> out = new ArrayList<>();
            for (Pages.Page p : state.all()) {
                if (p.resolvable()) {
                    out.add(resolve(p, state, clock));
                }
            }
            return Decision.accept(out.toArray(EventBody[]::new)); // none open: nothing to do
        }
        PageCommand.RecordAcknowledgement a = (PageCommand.RecordAcknowledgement) command;
        Optional<Pages.Page> page = state.page(a.targetId());
        if (page.isEmpty() || !page.get().awaitsAcknowledgement()) {
            return Decision.accept(List.of()); // already recorded (another window, an earlier poll)
        }
        return Decision.accept(
                new IntegrationEvent.PageAcknowledged(page.get().dedupKey(), a.targetId(), a.by(), a.at()));
    }

    private static Decision page(PageCommand.Page p, Pages state, Clock clock) {
        if (state.incidentResolved()) {
            return Decision.refuse("The incident is resolved: reopen it before paging anyone");
        }
        String dedupKey;
        try {
            dedupKey = ExternalIds.pageDedupKey(state.incident().get(), p.targetId());
            p.link().ifPresent(l -> {
                if (!l.startsWith("https://") && !l.startsWith("http://")) {
                    throw new IllegalArgumentException("The link must start with https:// or http://");
                }
            });
        } catch (IllegalArgumentException bad) {
            return Decision.refuse(bad.getMessage());
        }
        Optional<Pages.Page> before = state.page(p.targetId());
        if (before.flatMap(Pages.Page::pending).isPresent()) {
            return Decision.refuse("A page to " + p.targetName() + " is on its way (see the Comms tab's outbox)");
        }
        String message = p.message()
                .map(m -> m.length() > PageRequest.MAX_SUMMARY ? m.substring(0, 1000) : m)
                .orElse(null);
        return Decision.accept(new IntegrationEvent.PageRequested(
                requestId(state, p.targetId()),
                "pagerduty:" + p.targetId(),
                IntegrationEvent.PageRequested.TRIGGER,
                p.targetId(),
                p.targetName(),
                dedupKey,
                state.title(),
                state.severity(),
                Optional.ofNullable(message),
                p.link(),
                clock.instant()));
    }

    private static IntegrationEvent.PageRequested resolve(Pages.Page p, Pages state, Clock clock) {
        return new IntegrationEvent.PageRequested(
                requestId(state, p.targetId()),
                "pagerduty:" + p.targetId(),
                IntegrationEvent.PageRequested.RESOLVE,
                p.targetId(),
                p.targetName(),
                p.dedupKey(),
                state.title(),
                state.severity(),
                Optional.empty(),
                Optional.empty(),
                clock.instant());
    }

    /** The n-th request for a target, derived so the same decision names the same request. */
    private static String requestId(Pages state, String targetId) {
        String seed = "conn-page:" + state.incident().orElseThrow().value() + ":" + targetId + ":"
                + state.requestsFor(targetId);
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
