package dev.conn.comms.net;

import dev.conn.comms.Channel;
import dev.conn.comms.Delivery;
import dev.conn.comms.OutboxMessage;
import dev.conn.comms.WriteBack;
import dev.conn.incident.EventCodec;
import dev.conn.incident.EventType;
import dev.conn.incident.IntegrationEvent;
import dev.conn.incident.MalformedEventException;
import dev.conn.integrations.AnnotationOp;
import dev.conn.integrations.AnnotationOps;
import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.Outcome;
import dev.conn.integrations.PageRequest;
import dev.conn.integrations.PagerDutySettings;
import dev.conn.integrations.TicketRef;
import dev.conn.integrations.TicketRequest;
import dev.conn.integrations.TicketTracker;
import dev.conn.integrations.net.GrafanaAnnotationsClient;
import dev.conn.integrations.net.IntegrationClients;
import dev.conn.integrations.net.PagerDutyClient;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretResolver;
import dev.conn.settings.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The integrations of issue 16 as outbox channels, so their requests ride the outbox exactly as
 * messages do: durable offline, sent once by the dispatch lease holder (solo or the war room's),
 * every outcome recorded through the one writer. Channel ids: {@code tickets:jira}, {@code
 * tickets:github}, {@code tickets:linear} (the tracker the settings choose), {@code
 * pagerduty:<target id>}. A row's body is its request event's payload ({@code
 * comms.store.JdbcIntegrationOutboxProjection}).
 *
 * <p>Every integration de-duplicates by a stable external id (src/docs/integrations.md), so a row
 * that was tried before ({@code attempts > 0}) is sent with {@code mayExist}: the client looks the
 * ticket up before creating it again, and PagerDuty folds events with one {@code dedup_key} into
 * one alert. A lost reply is therefore a retry, never "delivery unknown".
 */
public final class IntegrationChannels {
    private IntegrationChannels() {}

    /**
     * The message channels and the integrations the settings configure, by channel id.
     *
     * @param settings the settings
     * @param secrets resolves secret references at each request
     * @param clock for {@code Retry-After} dates
     * @return every channel; an integrations section that does not read adds no integration (the
     *     rows wait, failed as "not configured", with the settings' error named where the user acts)
     */
    public static Map<String, Channel> all(Settings settings, SecretResolver secrets, Clock clock) {
        Map<String, Channel> all = new LinkedHashMap<>(ChannelClient.all(settings.channelsOrEmpty(), secrets, clock));
        IntegrationSettings integrations;
        try {
            integrations = IntegrationSettings.read(settings.integrations());
        } catch (IllegalArgumentException unreadable) {
            return all;
        }
        if (integrations.tracker().isEmpty() && integrations.pagerDuty() == null && integrations.grafana() == null) {
            return all; // no integration: the HTTP stack is not loaded at start for nothing
        }
        all.putAll(of(integrations, secrets, HttpTransport.shared(), clock));
        return all;
    }

    /**
     * @param settings the integrations section
     * @param secrets resolves secret references at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     * @return the integration channels, by channel id
     */
    public static Map<String, Channel> of(
            IntegrationSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        Map<String, Channel> out = new LinkedHashMap<>();
        IntegrationClients.tracker(settings, secrets, http, clock).ifPresent(t -> {
            Channel c = tickets(t);
            out.put(c.id(), c);
        });
        IntegrationClients.pagerDuty(settings, secrets, http, clock).ifPresent(pd -> {
            for (PagerDutySettings.Target target : settings.pagerDuty().targets()) {
                Channel c = pages(pd, target);
                out.put(c.id(), c);
            }
        });
        IntegrationClients.grafana(settings, secrets, http, clock).ifPresent(g -> {
            Channel c = annotations(g);
            out.put(c.id(), c);
        });
        return out;
    }

    /**
     * @param client the Grafana client
     * @return the channel {@code grafana}, which sends the planned annotation changes: a create
     *     writes back the annotation's id as the row's external id; an update or delete finds the
     *     annotation by its event tag (PUT and DELETE by id are idempotent; a DELETE answered 404
     *     counts as done)
     */
    public static Channel annotations(GrafanaAnnotationsClient client) {
        return new Adapter("grafana", client.rateKey(), client.minInterval(), m -> {
            AnnotationOp op = AnnotationOps.read(m.body());
            if (op instanceof AnnotationOp.Create c) {
                Outcome<Long> o = client.create(c, m.attempts() > 0);
                return o instanceof Outcome.Sent<Long> s
                        ? new Delivery.Sent(Optional.of(String.valueOf(s.value())))
                        : failure(o);
            }
            if (op instanceof AnnotationOp.Update u) {
                Outcome<Long> o = client.update(u, Optional.empty());
                return o instanceof Outcome.Sent<Long> s
                        ? new Delivery.Sent(Optional.of(String.valueOf(s.value())))
                        : failure(o);
            }
            Outcome<Boolean> o = client.delete((AnnotationOp.Delete) op, Optional.empty());
            return o instanceof Outcome.Sent<Boolean> ? new Delivery.Sent(Optional.empty()) : failure(o);
        });
    }

    /**
     * @param tracker a ticket tracker
     * @return the channel id of its tickets, e.g. {@code tickets:jira}
     */
    public static String ticketChannel(TicketRef.Tracker tracker) {
        return "tickets:" + tracker.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param targetId a PagerDuty target id from settings
     * @return the channel id of its pages, {@code pagerduty:<target id>}
     */
    public static String pageChannel(String targetId) {
        return "pagerduty:" + targetId;
    }

    /**
     * @param tracker the tracker "Create ticket" uses
     * @return a channel that creates the ticket of a {@code TICKET_REQUESTED} row
     */
    public static Channel tickets(TicketTracker tracker) {
        return new Adapter(ticketChannel(tracker.tracker()), tracker.rateKey(), tracker.minInterval(), m -> {
            IntegrationEvent.TicketRequested t =
                    read(m, EventType.TICKET_REQUESTED, IntegrationEvent.TicketRequested.class);
            TicketRequest request = new TicketRequest(
                    UUID.fromString(t.actionItemId()),
                    m.incidentId(),
                    t.incidentTitle(),
                    t.severity(),
                    t.text(),
                    t.kind(),
                    t.owner(),
                    t.due().map(LocalDate::parse));
            Outcome<TicketRef> o = tracker.create(request, m.attempts() > 0);
            if (o instanceof Outcome.Sent<TicketRef> s) {
                // the outbox keeps at most 200 characters of an external id: the key then
                String id = s.value().url().length() <= 200
                        ? s.value().url()
                        : s.value().key();
                return new Delivery.Sent(
                        Optional.of(id),
                        Optional.of(new WriteBack.TicketLinked(
                                t.actionItemId(), s.value().url())));
            }
            return failure(o);
        });
    }

    /**
     * @param client the PagerDuty client
     * @param target one configured target
     * @return a channel that sends the {@code PAGE_REQUESTED} rows of that target
     */
    public static Channel pages(PagerDutyClient client, PagerDutySettings.Target target) {
        return new Adapter(pageChannel(target.id()), client.rateKey(target), client.minInterval(), m -> {
            IntegrationEvent.PageRequested p = read(m, EventType.PAGE_REQUESTED, IntegrationEvent.PageRequested.class);
            Outcome<String> o = p.resolves()
                    ? client.resolve(p.dedupKey(), p.targetId())
                    : client.trigger(new PageRequest(
                            m.incidentId(),
                            p.incidentTitle(),
                            p.severity(),
                            p.targetId(),
                            p.targetName(),
                            p.message(),
                            p.link(),
                            m.author(),
                            p.at()));
            if (o instanceof Outcome.Sent<String> s) {
                return new Delivery.Sent(
                        Optional.of(s.value()),
                        Optional.of(new WriteBack.Paged(s.value(), p.targetId(), p.resolves())));
            }
            return failure(o);
        });
    }

    private static <T> T read(OutboxMessage m, EventType type, Class<T> cls) {
        Object body = EventCodec.decode(m.messageId(), type, m.body());
        if (!cls.isInstance(body)) {
            throw new MalformedEventException(m.messageId(), type, "the outbox row is not a " + type);
        }
        return cls.cast(body);
    }

    /** Maps a client's failure to the outbox's delivery outcome, 1:1. */
    static Delivery failure(Outcome<?> o) {
        if (o instanceof Outcome.Retry<?> r) {
            return new Delivery.Retry(r.reason(), r.retryAfter(), r.offline());
        }
        if (o instanceof Outcome.NotSent<?> n) {
            return new Delivery.NotSent(n.reason(), n.offline());
        }
        if (o instanceof Outcome.Unknown<?> u) {
            return new Delivery.Unknown(u.reason());
        }
        if (o instanceof Outcome.Failed<?> f) {
            return new Delivery.Failed(f.reason());
        }
        throw new IllegalStateException("not a failure: " + o);
    }

    /** One integration as a channel; a row it cannot read fails for good, naming why. */
    private record Adapter(String id, String rateKey, Duration minInterval, Function<OutboxMessage, Delivery> send)
            implements Channel {
        @Override
        public Delivery deliver(OutboxMessage message) {
            try {
                return send.apply(message);
            } catch (IllegalArgumentException unreadable) {
                return new Delivery.Failed("the request cannot be read: " + unreadable.getMessage());
            }
        }

        @Override
        public Delivery test(OutboxMessage sample) {
            return new Delivery.Failed("an integration is tested from its settings, not with a message");
        }
    }
}
