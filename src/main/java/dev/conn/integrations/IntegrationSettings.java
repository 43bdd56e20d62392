package dev.conn.integrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.settings.SecretRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code integrations} section of {@code settings.json}: the ticket trackers, PagerDuty and
 * Grafana. Each part is null when not configured. Secrets are {@link SecretRef}s only.
 *
 * @param ticketTracker where "Create ticket" creates tickets; null means the only tracker
 *     configured
 * @param jira Jira Cloud, or null
 * @param github GitHub Issues, or null
 * @param linear Linear, or null
 * @param pagerDuty PagerDuty, or null
 * @param grafana Grafana annotations, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationSettings(
        TicketRef.Tracker ticketTracker,
        JiraSettings jira,
        GitHubSettings github,
        LinearSettings linear,
        PagerDutySettings pagerDuty,
        GrafanaSettings grafana) {

    /**
     * Checks that the chosen tracker is configured.
     *
     * @throws IllegalArgumentException naming the field if {@code ticketTracker} names a tracker
     *     that has no settings
     */
    public IntegrationSettings {
        if (ticketTracker != null && !configured(ticketTracker, jira, github, linear)) {
            throw new IllegalArgumentException("integrations.ticketTracker is " + ticketTracker
                    + " but integrations." + ticketTracker.name().toLowerCase(java.util.Locale.ROOT)
                    + " is not configured");
        }
    }

    /**
     * Reads the {@code integrations} section of {@code settings.json} ({@code
     * settings.Settings#integrations()}).
     *
     * @param section the section, or null
     * @return the settings; {@link #none()} for null
     * @throws IllegalArgumentException naming the field ({@code integrations.jira.projectKey: ...})
     *     if the section does not fit
     */
    public static IntegrationSettings read(com.fasterxml.jackson.databind.JsonNode section) {
        if (section == null || section.isNull() || section.isMissingNode()) {
            return none();
        }
        try {
            return READER.treeToValue(section, IntegrationSettings.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(cause.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("integrations: " + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.json.JsonMapper READER =
            dev.conn.platform.json.Json.newMapper();

    /** @return nothing configured */
    public static IntegrationSettings none() {
        return new IntegrationSettings(null, null, null, null, null, null);
    }

    /**
     * @return the tracker "Create ticket" uses: the chosen one, else the only one configured;
     *     empty if none is configured, or several are and none is chosen
     */
    public Optional<TicketRef.Tracker> tracker() {
        if (ticketTracker != null) {
            return Optional.of(ticketTracker);
        }
        List<TicketRef.Tracker> all = new ArrayList<>();
        for (TicketRef.Tracker t : TicketRef.Tracker.values()) {
            if (configured(t, jira, github, linear)) {
                all.add(t);
            }
        }
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /**
     * @return every secret reference configured here, so that the secret resolver can learn their
     *     values before text is exported ({@code SecretResolver#rememberConfigured})
     */
    public List<SecretRef> secretRefs() {
        List<SecretRef> refs = new ArrayList<>();
        if (jira != null) {
            refs.add(jira.apiToken());
        }
        if (github != null) {
            refs.add(github.token());
        }
        if (linear != null) {
            refs.add(linear.apiKey());
        }
        if (pagerDuty != null) {
            pagerDuty.restKey().ifPresent(refs::add);
            pagerDuty.targets().forEach(t -> refs.add(t.integrationKey()));
        }
        if (grafana != null) {
            refs.add(grafana.token());
        }
        return refs.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static boolean configured(
            TicketRef.Tracker t, JiraSettings jira, GitHubSettings github, LinearSettings linear) {
        return switch (t) {
            case JIRA -> jira != null;
            case GITHUB -> github != null;
            case LINEAR -> linear != null;
        };
    }
}
