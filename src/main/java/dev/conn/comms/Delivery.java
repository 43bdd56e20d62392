package dev.conn.comms;

import java.time.Duration;
import java.util.Optional;

/** The outcome of one delivery attempt, as a channel classifies its API's answer. */
public sealed interface Delivery {

    /**
     * The API accepted the message.
     *
     * @param externalId an id the API gave back (the Statuspage incident id), if any
     */
    record Sent(Optional<String> externalId) implements Delivery {}

    /**
     * Not delivered this time, worth retrying: a network error, a 5xx, a rate limit.
     *
     * @param reason what went wrong, without secrets
     * @param retryAfter the wait the server asked for (HTTP {@code Retry-After}), if any
     * @param offline true if the server could not be reached at all
     */
    record Retry(String reason, Optional<Duration> retryAfter, boolean offline) implements Delivery {}

    /**
     * Refused for good (e.g. Slack {@code channel_not_found}, Statuspage 401/404): retrying cannot
     * help.
     *
     * @param reason what the API said, without secrets
     */
    record Failed(String reason) implements Delivery {}
}
