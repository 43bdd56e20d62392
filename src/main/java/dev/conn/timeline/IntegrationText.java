package dev.conn.timeline;

import dev.conn.incident.CommsEvent;
import dev.conn.incident.IntegrationEvent;
import java.util.Locale;
import java.util.Optional;

/** The integrations' entries of issue 16 in words: tickets asked and created, pages and their fate. */
final class IntegrationText {
    private IntegrationText() {}

    /**
     * @param i an integration event
     * @return its description
     */
    static String of(IntegrationEvent i) {
        if (i instanceof IntegrationEvent.TicketRequested t) {
            return "Ticket requested in " + tracker(t.channel()) + " for action item: " + t.text();
        }
        if (i instanceof IntegrationEvent.PageRequested p) {
            return p.resolves()
                    ? "Resolve of the page to " + p.targetName() + " requested"
                    : "Paged " + p.targetName() + " (" + p.severity() + ")"
                            + p.message().map(m -> ": " + m).orElse("");
        }
        if (i instanceof IntegrationEvent.PageSent s) {
            return "PagerDuty accepted the page to " + s.targetId() + " (dedup key " + s.dedupKey() + ")";
        }
        if (i instanceof IntegrationEvent.PageAcknowledged a) {
            return "Page to " + a.targetId() + " acknowledged"
                    + a.by().map(b -> " by " + b).orElse("")
                    + a.at().map(t -> " at " + EntryText.toTheSecond(t.toString()))
                            .orElse("");
        }
        IntegrationEvent.PageResolved r = (IntegrationEvent.PageResolved) i;
        return "Page to " + r.targetId() + " resolved in PagerDuty";
    }

    /**
     * @param s a sending recorded by the outbox
     * @return its words when it is an integration's (a ticket created, a page accepted), else empty
     */
    static Optional<String> sent(CommsEvent.MessageSent s) {
        if (s.channel().startsWith("tickets:")) {
            return Optional.of("Ticket created in " + tracker(s.channel())
                    + s.externalId().map(x -> ": " + x).orElse(""));
        }
        if (s.channel().equals("grafana")) {
            return Optional.of("Grafana annotation saved"
                    + s.externalId().map(x -> " (id " + x + ")").orElse(""));
        }
        if (s.channel().startsWith("pagerduty:")) {
            return Optional.of("PagerDuty took the request for " + s.channel().substring("pagerduty:".length()));
        }
        return Optional.empty();
    }

    /** @return "Jira", "GitHub" or "Linear" for a {@code tickets:...} channel */
    private static String tracker(String channel) {
        String t = channel.startsWith("tickets:") ? channel.substring("tickets:".length()) : channel;
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "jira" -> "Jira";
            case "github" -> "GitHub";
            case "linear" -> "Linear";
            default -> t;
        };
    }
}
