package dev.conn.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.conn.incident.Audience;
import java.util.List;
import java.util.Map;

/**
 * One message channel of the comms feature, in {@code settings.json}. Secrets (webhook URLs, API
 * keys, the SMTP password) are {@link SecretRef}s only, resolved when a message is sent. Only the
 * fields of the channel's type are used.
 *
 * @param id a unique id, e.g. "slack-ops"; recorded in message events
 * @param type the kind of channel
 * @param audience the audience a message to this channel counts for (e.g. STATUS_PAGE)
 * @param url for SLACK, TEAMS and WEBHOOK: reference to the webhook URL (it carries the credential,
 *     https://api.slack.com/messaging/webhooks)
 * @param pageId for STATUSPAGE: the page id
 * @param apiKey for STATUSPAGE: reference to the API key
 * @param apiBase for STATUSPAGE: the API base URL; null for https://api.statuspage.io
 * @param componentIds for STATUSPAGE: component name as used in messages to component id
 * @param smtpHost for EMAIL: the SMTP host
 * @param smtpPort for EMAIL: the port (587 STARTTLS, 465 TLS, 25 none)
 * @param security for EMAIL: STARTTLS (default), TLS or NONE
 * @param username for EMAIL: the SMTP user; null for no authentication
 * @param password for EMAIL: reference to the SMTP password
 * @param from for EMAIL: the sender address
 * @param recipients for EMAIL: the recipients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelSettings(
        String id,
        Type type,
        Audience audience,
        SecretRef url,
        String pageId,
        SecretRef apiKey,
        String apiBase,
        Map<String, String> componentIds,
        String smtpHost,
        Integer smtpPort,
        Security security,
        String username,
        SecretRef password,
        String from,
        List<String> recipients) {

    /** The kinds of channel. */
    public enum Type {
        /** Slack incoming webhook. */
        SLACK,
        /** Microsoft Teams incoming webhook. */
        TEAMS,
        /** Any HTTPS endpoint taking a JSON POST. */
        WEBHOOK,
        /** Atlassian Statuspage REST API. */
        STATUSPAGE,
        /** SMTP e-mail. */
        EMAIL
    }

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Upgrade a plain connection with STARTTLS (RFC 3207), required. */
        STARTTLS,
        /** TLS from the first byte (RFC 8314). */
        TLS,
        /** No encryption (test servers only). */
        NONE
    }

    /** Fills defaults: audience RESPONDERS, security STARTTLS, empty maps and lists. */
    public ChannelSettings {
        audience = audience == null ? Audience.RESPONDERS : audience;
        security = security == null ? Security.STARTTLS : security;
        componentIds = componentIds == null ? Map.of() : Map.copyOf(componentIds);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /**
     * @param id the id
     * @param type SLACK, TEAMS or WEBHOOK
     * @param audience the audience
     * @param url reference to the webhook URL
     * @return a webhook channel
     */
    public static ChannelSettings webhook(String id, Type type, Audience audience, SecretRef url) {
        return new ChannelSettings(
                id, type, audience, url, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param id the id
     * @param pageId the page id
     * @param apiKey reference to the API key
     * @param apiBase the API base URL, null for the public one
     * @param componentIds component names to ids
     * @return a Statuspage channel (audience STATUS_PAGE)
     */
    public static ChannelSettings statuspage(
            String id, String pageId, SecretRef apiKey, String apiBase, Map<String, String> componentIds) {
        return new ChannelSettings(
                id,
                Type.STATUSPAGE,
                Audience.STATUS_PAGE,
                null,
                pageId,
                apiKey,
                apiBase,
                componentIds,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * @return a copy of an e-mail channel
     * @param id the id
     * @param audience the audience
     * @param host SMTP host
     * @param port SMTP port
     * @param security transport security
     * @param username user, or null
     * @param password reference to the password, or null
     * @param from sender
     * @param recipients recipients
     */
    public static ChannelSettings email(
            String id,
            Audience audience,
            String host,
            int port,
            Security security,
            String username,
            SecretRef password,
            String from,
            List<String> recipients) {
        return new ChannelSettings(
                id,
                Type.EMAIL,
                audience,
                null,
                null,
                null,
                null,
                null,
                host,
                port,
                security,
                username,
                password,
                from,
                recipients);
    }
}
