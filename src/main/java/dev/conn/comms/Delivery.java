package dev.conn.comms;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one delivery attempt, as a channel classifies its API's answer, or how far the
 * request got when no answer came. The rule for uncertainty (issue 11, ADR 0009): once a request
 * may have reached a receiver that cannot de-duplicate, a lost answer is {@link Unknown}, exactly
 * as a crash mid-send is; receivers that de-duplicate (the JSON webhook's {@code Idempotency-Key},
 * Statuspage's look-up first) get a {@link Retry} instead.
 */
public sealed interface Delivery {

    /**
     * The API accepted the message.
     *
     * @param externalId an id the API gave back (the Statuspage incident id, a ticket's link), if
     *     any
     * @param writeBack what an integration writes back besides the sending (issue 16), if anything
     */
    record Sent(Optional<String> externalId, Optional<WriteBack> writeBack) implements Delivery {
        /** Null optionals become empty. */
        public Sent {
            externalId = externalId == null ? Optional.empty() : externalId;
            writeBack = writeBack == null ? Optional.empty() : writeBack;
        }

        /** @param externalId an id the API gave back, if any */
        public Sent(Optional<String> externalId) {
            this(externalId, Optional.empty());
        }
    }

    /**
     * Not delivered this time, worth retrying after a backoff: a 5xx, a rate limit, a request cut
     * off while it was being written, or a lost answer from a receiver that de-duplicates. Counts as
     * a delivery attempt.
     *
     * @param reason what went wrong, without secrets
     * @param retryAfter the wait the server asked for (HTTP {@code Retry-After}), if any
     * @param offline true if the server could not be reached at all
     */
    record Retry(String reason, Optional<Duration> retryAfter, boolean offline) implements Delivery {}

    /**
     * The request never left (a refused connect, a failed TLS handshake, an unresolvable host or
     * secret): certainly not delivered, so it does not count as a delivery attempt. Tried again
     * after a backoff.
     *
     * @param reason what went wrong, without secrets
     * @param offline true if the server could not be reached at all
     */
    record NotSent(String reason, boolean offline) implements Delivery {}

    /**
     * The receiver may have got the message, cannot de-duplicate, and no answer came (the
     * connection dropped after the request was written, or it timed out): the row waits for the
     * user to resend or mark it sent, never resent on its own.
     *
     * @param reason what happened, without secrets
     */
    record Unknown(String reason) implements Delivery {}

    /**
     * Refused for good (e.g. Slack {@code channel_not_found}, Statuspage 401/404): retrying cannot
     * help.
     *
     * @param reason what the API said, without secrets
     */
    record Failed(String reason) implements Delivery {}
}
