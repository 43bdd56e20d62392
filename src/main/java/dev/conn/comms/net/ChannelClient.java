package dev.conn.comms.net;

import dev.conn.comms.Channel;
import dev.conn.comms.ChannelFactory;
import dev.conn.platform.http.HttpTransport;
import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the client of each configured channel: the app's {@link ChannelFactory}. */
public final class ChannelClient {
    private ChannelClient() {}

    /**
     * @param s a channel's settings
     * @param secrets resolves secret references at send time
     * @param http the transport (its deliveries use a fresh connection each and are never
     *     repeated behind the outbox's back)
     * @param clock for {@code Retry-After} dates
     * @return the channel
     * @throws IllegalArgumentException naming the channel and field if its settings are incomplete
     */
    public static Channel of(ChannelSettings s, SecretResolver secrets, HttpTransport http, Clock clock) {
        String where = "channel '" + s.id() + "'";
        return switch (s.type()) {
            case SLACK -> new SlackWebhookClient(s.id(), required(s.url(), where, "url"), secrets, http, clock);
            case TEAMS -> new TeamsWebhookClient(s.id(), required(s.url(), where, "url"), secrets, http, clock);
            case WEBHOOK -> new JsonWebhookClient(s.id(), required(s.url(), where, "url"), secrets, http, clock);
            case STATUSPAGE -> new StatuspageClient(
                    s.id(),
                    required(s.pageId(), where, "pageId"),
                    required(s.apiKey(), where, "apiKey"),
                    s.apiBase(),
                    s.componentIds(),
                    secrets,
                    http,
                    clock);
            case EMAIL -> {
                required(s.smtpHost(), where, "smtpHost");
                required(s.from(), where, "from");
                yield new EmailClient(s, secrets);
            }
        };
    }

    /**
     * @param all the configured channels
     * @param secrets resolves secret references
     * @param http the transport
     * @param clock the clock
     * @return each channel by id, in settings order; channels with incomplete settings are left out
     */
    public static Map<String, Channel> all(
            List<ChannelSettings> all, SecretResolver secrets, HttpTransport http, Clock clock) {
        Map<String, Channel> out = new LinkedHashMap<>();
        for (ChannelSettings s : all) {
            try {
                out.put(s.id(), of(s, secrets, http, clock));
            } catch (IllegalArgumentException e) {
                // left out: its messages fail with "not configured", naming the channel
            }
        }
        return out;
    }

    /**
     * Like {@link #all(List, SecretResolver, HttpTransport, Clock)} with the shared transport.
     *
     * @param all the configured channels
     * @param secrets resolves secret references
     * @param clock the clock
     * @return each channel by id
     */
    public static Map<String, Channel> all(List<ChannelSettings> all, SecretResolver secrets, Clock clock) {
        if (all.isEmpty()) {
            return new LinkedHashMap<>(); // no channel: the HTTP stack is not loaded at start for nothing
        }
        return all(all, secrets, HttpTransport.shared(), clock);
    }

    /**
     * Like {@link #of(ChannelSettings, SecretResolver, HttpTransport, Clock)} with the shared
     * transport.
     *
     * @param s a channel's settings
     * @param secrets resolves secret references
     * @param clock the clock
     * @return the channel
     * @throws IllegalArgumentException naming the channel and field if its settings are incomplete
     */
    public static Channel of(ChannelSettings s, SecretResolver secrets, Clock clock) {
        return of(s, secrets, HttpTransport.shared(), clock);
    }

    /**
     * @param secrets resolves secret references at send time
     * @param clock for {@code Retry-After} dates
     * @return a factory of channels on the shared transport, for the channels editor
     */
    public static ChannelFactory factory(SecretResolver secrets, Clock clock) {
        return s -> of(s, secrets, clock);
    }

    private static <T> T required(T value, String where, String field) {
        if (value == null || (value instanceof String str && str.isBlank())) {
            throw new IllegalArgumentException(where + " needs '" + field + "'");
        }
        return value;
    }
}
