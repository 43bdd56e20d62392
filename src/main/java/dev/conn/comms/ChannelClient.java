package dev.conn.comms;

import dev.conn.settings.ChannelSettings;
import dev.conn.settings.SecretResolver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/** Builds the client of each configured channel. */
public final class ChannelClient {
    private ChannelClient() {}

    /**
     * @param s a channel's settings
     * @param secrets resolves secret references at send time
     * @param http the HTTP client; give it {@code retryOnConnectionFailure(false)}, since the
     *     outbox decides about retries
     * @param clock for {@code Retry-After} dates
     * @return the channel
     * @throws IllegalArgumentException naming the channel and field if its settings are incomplete
     */
    public static Channel of(ChannelSettings s, SecretResolver secrets, OkHttpClient http, Clock clock) {
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
     * @param http the HTTP client
     * @param clock the clock
     * @return each channel by id, in settings order; channels with incomplete settings are left out
     */
    public static Map<String, Channel> all(
            List<ChannelSettings> all, SecretResolver secrets, OkHttpClient http, Clock clock) {
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
     * Like {@link #all(List, SecretResolver, OkHttpClient, Clock)} with the shared HTTP client,
     * its OkHttp-internal retries switched off (the outbox decides about retries, so a request
     * is never repeated behind its back).
     *
     * @param all the configured channels
     * @param secrets resolves secret references
     * @param clock the clock
     * @return each channel by id
     */
    public static Map<String, Channel> all(List<ChannelSettings> all, SecretResolver secrets, Clock clock) {
        return all(all, secrets, noSilentRetries(), clock);
    }

    /**
     * Like {@link #of(ChannelSettings, SecretResolver, OkHttpClient, Clock)} with the shared HTTP
     * client (OkHttp-internal retries off).
     *
     * @param s a channel's settings
     * @param secrets resolves secret references
     * @param clock the clock
     * @return the channel
     * @throws IllegalArgumentException naming the channel and field if its settings are incomplete
     */
    public static Channel of(ChannelSettings s, SecretResolver secrets, Clock clock) {
        return of(s, secrets, noSilentRetries(), clock);
    }

    private static OkHttpClient noSilentRetries() {
        return dev.conn.platform.http.HttpClients.shared()
                .newBuilder()
                .retryOnConnectionFailure(false)
                .build();
    }

    private static <T> T required(T value, String where, String field) {
        if (value == null || (value instanceof String str && str.isBlank())) {
            throw new IllegalArgumentException(where + " needs '" + field + "'");
        }
        return value;
    }
}
