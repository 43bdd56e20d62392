package dev.conn.comms;

import java.time.Duration;

/**
 * A destination for messages (Slack, Teams, a JSON webhook, Statuspage, e-mail). Implementations
 * block on I/O and are called only from the outbox dispatcher's thread.
 */
public interface Channel {

    /** @return the channel id from settings (e.g. "slack-ops") */
    String id();

    /**
     * @return the key client-side rate limiting counts by: the webhook (Slack allows 1 message
     *     per second per webhook) or the API token (Statuspage allows 1 request per second per
     *     token)
     */
    String rateKey();

    /** @return the least time between two requests with the same {@link #rateKey()} */
    Duration minInterval();

    /**
     * Sends one message.
     *
     * @param message the outbox row
     * @return the outcome; never throws for an answer of the API or a network failure
     */
    Delivery deliver(OutboxMessage message);

    /**
     * "Send test" in the channels editor: by default delivers the sample; a channel whose test
     * must not be public (Statuspage) only checks that it can reach its page.
     *
     * @param sample a test message
     * @return the outcome; never throws for an answer of the API or a network failure
     */
    default Delivery test(OutboxMessage sample) {
        return deliver(sample);
    }
}
