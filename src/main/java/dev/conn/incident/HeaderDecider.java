package dev.conn.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides {@link HeaderCommand}s: declaring, severity and status changes, mitigation, resolution.
 * The rules are those the window and the CLI have always applied: a title of 1 to 200 characters,
 * impact not starting in the future, no change to the value already set, nothing after resolution
 * except reopening by a status change.
 */
public final class HeaderDecider implements Decider<HeaderCommand, HeaderDecider.Header> {

    /** The header events read so far; folded when a decision needs them. */
    public record Header(List<Event> events) {
        /** @return the folded header, or empty if the incident was never declared */
        public Optional<IncidentState> state() {
            return events.stream().anyMatch(e -> e.type() == EventType.INCIDENT_DECLARED)
                    ? Optional.of(IncidentState.fold(events))
                    : Optional.empty();
        }
    }

    @Override
    public Set<EventType> reads() {
        return IncidentState.HEADER_TYPES;
    }

    @Override
    public Header initial() {
        return new Header(List.of());
    }

    @Override
    public Header evolve(Header state, Event event) {
        List<Event> next = new ArrayList<>(state.events());
        next.add(event);
        return new Header(next);
    }

    @Override
    public Decision decide(HeaderCommand command, Header header, Clock clock) {
        Instant now = clock.instant();
        if (command instanceof HeaderCommand.Declare d) {
            return declare(d, header, now);
        }
        Optional<IncidentState> found = header.state();
        if (found.isEmpty()) {
            return Decision.refuse("No such incident; declare it first");
        }
        IncidentState st = found.get();
        if (command instanceof HeaderCommand.ChangeSeverity c) {
            if (c.severity() == st.severity()) {
                return Decision.refuse("The severity is already " + c.severity());
            }
            return draft(new HeaderEvent.SeverityChanged(c.severity(), clean(c.why())), c.at());
        }
        if (command instanceof HeaderCommand.ChangeStatus c) {
            if (c.status() == st.status()) {
                return Decision.refuse("The status is already " + c.status().label());
            }
            return draft(new HeaderEvent.StatusChanged(c.status(), clean(c.why())), c.at());
        }
        if (command instanceof HeaderCommand.MarkMitigated c) {
            if (st.mitigatedAt().isPresent()) {
                return Decision.refuse(
                        "Already marked mitigated at " + st.mitigatedAt().get());
            }
            return draft(new HeaderEvent.Mitigated(clean(c.why())), c.at());
        }
        HeaderCommand.Resolve r = (HeaderCommand.Resolve) command;
        if (!st.isOpen()) {
            return Decision.refuse("The incident is already resolved");
        }
        return draft(new HeaderEvent.Resolved(clean(r.why())), r.at());
    }

    private static Decision declare(HeaderCommand.Declare d, Header header, Instant now) {
        if (!header.events().isEmpty()) {
            return Decision.refuse("This incident is already declared");
        }
        String title = d.title().strip();
        if (title.isEmpty()) {
            return Decision.refuse("Give the incident a title, e.g. \"Checkout errors in EU\"");
        }
        if (title.length() > EventLimits.MAX_TITLE) {
            return Decision.refuse(
                    "The title is " + title.length() + " characters; keep it under " + EventLimits.MAX_TITLE);
        }
        if (d.impactStartedAt().isPresent()
                && d.impactStartedAt().get().isAfter(now.plus(IncidentLog.FUTURE_TOLERANCE))) {
            return Decision.refuse("Impact cannot start in the future");
        }
        if (d.commander().isBlank()) {
            return Decision.refuse("Name the incident commander");
        }
        return Decision.accept(new HeaderEvent.IncidentDeclared(
                title,
                d.severity(),
                clean(Optional.of(d.summary())),
                d.impactStartedAt(),
                Optional.of(d.commander().strip())));
    }

    private static Decision draft(EventBody body, Optional<Instant> at) {
        Decision.Draft draft = Decision.Draft.of(body);
        return Decision.accept(List.of(at.map(draft::at).orElse(draft)));
    }

    private static Optional<String> clean(Optional<String> text) {
        return text.map(String::strip).filter(s -> !s.isEmpty());
    }
}
