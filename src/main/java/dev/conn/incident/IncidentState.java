package dev.conn.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The state of one incident as the header shows it: a pure fold over its events. Time-dependent
 * figures (elapsed times) take the current instant from the caller's {@link java.time.Clock}, so
 * the same events and the same clock always give the same answer.
 *
 * @param id the incident
 * @param title short title given at declaration
 * @param summary optional longer description, empty if none
 * @param severity current severity
 * @param status current status; {@link Status#RESOLVED} once resolved
 * @param declaredAt when the incident was declared (UTC); the "acknowledged" milestone
 * @param impactStartedAt when customer impact began (UTC), if the declarer gave it
 * @param mitigatedAt when impact was mitigated (UTC), if it was
 * @param resolvedAt when it was resolved (UTC), if it is
 * @param commander the incident commander of record, as {@link CommandFold} folds it (the one
 *     fold of command, which the {@code command} feature's roster builds on too); empty if nobody
 */
public record IncidentState(
        IncidentId id,
        String title,
        String summary,
        Severity severity,
        Status status,
        Instant declaredAt,
        Optional<Instant> impactStartedAt,
        Optional<Instant> mitigatedAt,
        Optional<Instant> resolvedAt,
        String commander) {

    /**
     * The role name that makes a person incident commander, in {@code ROLE_ASSIGNED} payloads.
     *
     * @deprecated use {@link Role#INCIDENT_COMMANDER}; who holds command is folded by {@link
     *     CommandFold} only
     */
    @Deprecated
    public static final String COMMANDER_ROLE = Role.INCIDENT_COMMANDER.name();

    /** The event types the fold reads; enough to build the header without the whole timeline. */
    public static final java.util.Set<EventType> HEADER_TYPES =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
                    EventType.INCIDENT_DECLARED,
                    EventType.SEVERITY_CHANGED,
                    EventType.STATUS_CHANGED,
                    EventType.MITIGATED,
                    EventType.RESOLVED,
                    EventType.ROLE_ASSIGNED,
                    EventType.HANDOFF_OFFERED,
                    EventType.HANDOFF_ACKNOWLEDGED,
                    EventType.HANDOFF_DECLINED,
                    EventType.HANDOFF_WITHDRAWN,
                    EventType.HANDOFF_EXPIRED,
                    EventType.EVENT_RETRACTED));

    /** @return true until the incident is resolved */
    public boolean isOpen() {
        return status != Status.RESOLVED;
    }

    /** @return when impact started: the given time, or the declaration if none was given */
    public Instant impactStart() {
        return impactStartedAt.orElse(declaredAt);
    }

    /**
     * Time since impact started. Stops counting at resolution.
     *
     * @param now the current instant, from the caller's clock
     * @return the elapsed duration, never negative
     */
    public Duration sinceImpactStart(Instant now) {
        return nonNegative(Duration.between(impactStart(), resolvedAt.orElse(now)));
    }

    /**
     * Time since the incident was declared. Stops counting at resolution.
     *
     * @param now the current instant, from the caller's clock
     * @return the elapsed duration, never negative
     */
    public Duration sinceDeclared(Instant now) {
        return nonNegative(Duration.between(declaredAt, resolvedAt.orElse(now)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Folds a whole log. Events are applied in timeline order ({@link Event#BY_OCCURRENCE}), so a
     * back-dated status change does not override a later one; who holds command when two decisions
     * contend is settled in the order given ({@link CommandFold}).
     *
     * @param events every event of one incident, in the log's order (the store's read order)
     * @return the state
     * @throws IllegalArgumentException if the events hold no {@code INCIDENT_DECLARED}, or belong
     *     to more than one incident
     */
    public static IncidentState fold(Collection<Event> events) {
        List<Event> live = Retractions.withoutRetracted(List.copyOf(events));
        List<Event> sorted = new ArrayList<>(live);
        sorted.sort(Event.BY_OCCURRENCE);
        // who holds command: contending decisions settled in the log's order (the order given)
        Folder f = new Folder(CommandFold.of(
                live.stream().filter(e -> CommandFold.TYPES.contains(e.type())).toList()));
        for (Event e : sorted) {
            f.apply(e);
        }
        return f.state();
    }

    /** Applies events one at a time; the mutable half of {@link #fold}. */
    private static final class Folder {
        /** Who holds command: folded there, once, for the header and the roster alike. */
        private final CommandFold command;

        Folder(CommandFold command) {
            this.command = command;
        }

        private IncidentId id;
        private String title;
        private String summary = "";
        private Severity severity;
        private Status status = Status.INVESTIGATING;
        private Instant declaredAt;
        private Instant impactStartedAt;
        private Instant mitigatedAt;
        private Instant resolvedAt;

        void apply(Event e) {
            if (id == null) {
                id = e.incidentId();
            } else if (!id.equals(e.incidentId())) {
                throw new IllegalArgumentException("events of incidents " + id + " and " + e.incidentId() + " mixed");
            }
            Payload p = e.payload();
            switch (e.type()) {
                case INCIDENT_DECLARED -> {
                    title = p.textOrEmpty("title");
                    summary = p.textOrEmpty("summary");
                    severity = p.text("severity").map(Severity::parse).orElse(Severity.SEV1);
                    declaredAt = e.occurredAt();
                    impactStartedAt = p.instant("impactStartedAt").orElse(null);
                }
                case SEVERITY_CHANGED -> p.text("severity").map(Severity::parse).ifPresent(s -> severity = s);
                case STATUS_CHANGED -> p.text("status")
                        .map(Status::parse)
                        .ifPresent(s -> changeStatus(s, e.occurredAt()));
                case MITIGATED -> {
                    if (mitigatedAt == null) {
                        mitigatedAt = e.occurredAt();
                    }
                }
                case RESOLVED -> {
                    status = Status.RESOLVED;
                    resolvedAt = e.occurredAt();
                    if (mitigatedAt == null) {
                        mitigatedAt = e.occurredAt();
                    }
                }
                default -> {
                    // other types do not change the header
                }
            }
        }

        private void changeStatus(Status next, Instant at) {
            if (next != Status.RESOLVED && status == Status.RESOLVED) {
                resolvedAt = null; // reopened
            } else if (next == Status.RESOLVED && status != Status.RESOLVED) {
                resolvedAt = at;
            }
            status = next;
        }

        IncidentState state() {
            if (declaredAt == null) {
                throw new IllegalArgumentException(
                        "no INCIDENT_DECLARED event" + (id == null ? "" : " for incident " + id));
            }
            return new IncidentState(
                    id,
                    title,
                    summary,
                    severity,
                    status,
                    declaredAt,
                    Optional.ofNullable(impactStartedAt),
                    Optional.ofNullable(mitigatedAt),
                    Optional.ofNullable(resolvedAt),
                    command.commander().map(CommandFold.Commander::person).orElse(""));
        }
    }
}
