package dev.conn.comms;

import dev.conn.settings.ChannelSettings;

/**
 * Builds the client of a configured channel (Slack, Teams, a JSON webhook, Statuspage, e-mail), so
 * the screen can check a channel's settings and send a test without knowing the HTTP and SMTP
 * clients. The app's factory is {@code comms.net.ChannelClient}.
 */
@FunctionalInterface
public interface ChannelFactory {
    /**
     * @param settings a channel's settings
     * @return its client (secret references are resolved only when it sends)
     * @throws IllegalArgumentException naming the channel and the field if its settings are
     *     incomplete
     */
    Channel of(ChannelSettings settings);
}
