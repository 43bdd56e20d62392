package dev.conn.integrations.net;

import dev.conn.integrations.IntegrationSettings;
import dev.conn.integrations.TicketTracker;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the integration clients the settings configure, for the composition root. Nothing here
 * touches the network until a client is called.
 */
public final class IntegrationClients {
    private IntegrationClients() {}

    /**
     * @param settings the integrations section
     * @param secrets resolves secret references at each request
     * @param http the transport (the shared one in the app)
     * @param clock for {@code Retry-After} dates
     * @return the tracker "Create ticket" uses ({@link IntegrationSettings#tracker()}), if any
     */
    public static Optional<TicketTracker> tracker(
            IntegrationSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        return settings.tracker().map(t -> switch (t) {
            case JIRA -> new JiraClient(settings.jira(), secrets, http, clock);
            case GITHUB -> new GitHubIssuesClient(settings.github(), secrets, http, clock);
            case LINEAR -> new LinearClient(settings.linear(), secrets, http, clock);
        });
    }

    /**
     * @param settings the integrations section
     * @param secrets resolves secret references at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     * @return the PagerDuty client, if PagerDuty is configured
     */
    public static Optional<PagerDutyClient> pagerDuty(
            IntegrationSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        return Optional.ofNullable(settings.pagerDuty()).map(p -> new PagerDutyClient(p, secrets, http, clock));
    }

    /**
     * @param settings the integrations section
     * @param secrets resolves secret references at each request
     * @param http the transport
     * @param clock for {@code Retry-After} dates
     * @return the Grafana client, if Grafana is configured
     */
    public static Optional<GrafanaAnnotationsClient> grafana(
            IntegrationSettings settings, SecretResolver secrets, HttpTransport http, Clock clock) {
        return Optional.ofNullable(settings.grafana()).map(g -> new GrafanaAnnotationsClient(g, secrets, http, clock));
    }
}
