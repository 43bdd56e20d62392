package dev.conn.integrations;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one call to an integration (a ticket tracker, PagerDuty, Grafana), classified the
 * way the comms channels classify theirs ({@code comms.Delivery}, ADR 0009), so that the outbox can
 * carry integration rows with the same states: {@link Sent} with what to write back, {@link Retry},
 * {@link NotSent}, {@link Unknown} and {@link Failed}.
 *
 * <p>Every integration in this package can de-duplicate (a stable external id that is looked up
 * before a repeated create, PagerDuty's {@code dedup_key}, a Grafana annotation tagged with the
 * event id), so a lost answer is a {@link Retry}, never an {@link Unknown}; {@link Unknown} exists
 * for the rule's sake and for receivers that cannot de-duplicate.
 *
 * <p>Every reason is already scrubbed of secrets ({@code KnownSecrets#scrub}) by the client that made
 * it.
 *
 * @param <T> what a success carries back (a ticket reference, an annotation id, a dedup key)
 */
public sealed interface Outcome<T> {

    /**
     * Done: the receiver accepted the request, or an earlier attempt's result was found.
     *
     * @param value what to write back
     * @param <T> its type
     */
    record Sent<T>(T value) implements Outcome<T> {
        /** @throws NullPointerException if {@code value} is null */
        public Sent {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Not done this time, worth retrying after a backoff: a 5xx, a rate limit, a request cut off
     * while it was written, or a lost answer from a receiver that de-duplicates. Counts as an
     * attempt that may have reached the receiver, so the next attempt looks up first.
     *
     * @param reason what went wrong, without secrets
     * @param retryAfter the least wait the receiver asked for ({@code Retry-After}) or the client
     *     needs (a search index to catch up), if any
     * @param offline true if the server could not be reached at all
     * @param <T> the success type
     */
    record Retry<T>(String reason, Optional<Duration> retryAfter, boolean offline) implements Outcome<T> {}

    /**
     * The request never left (a refused connect, a failed TLS handshake, an unresolvable host or
     * secret): certainly not received. Does not count as an attempt.
     *
     * @param reason what went wrong, without secrets
     * @param offline true if the server could not be reached at all
     * @param <T> the success type
     */
    record NotSent<T>(String reason, boolean offline) implements Outcome<T> {}

    /**
     * The receiver may have acted on the request, cannot de-duplicate, and no answer came: the
     * user decides whether to resend or mark it done, never resent on its own.
     *
     * @param reason what happened, without secrets
     * @param <T> the success type
     */
    record Unknown<T>(String reason) implements Outcome<T> {}

    /**
     * Refused for good (a 4xx with the vendor's message, settings that cannot work): retrying
     * cannot help.
     *
     * @param reason what the receiver said, without secrets
     * @param <T> the success type
     */
    record Failed<T>(String reason) implements Outcome<T> {}

    /** @return true for {@link Sent} */
    default boolean sent() {
        return this instanceof Sent;
    }

    /**
     * The same failure, for another success type: a failed look-up ends the create that needed
     * it.
     *
     * @param <U> the other success type
     * @return this outcome retyped
     * @throws IllegalStateException if this is {@link Sent} (a success has a value of its own type)
     */
    default <U> Outcome<U> failure() {
        if (this instanceof Retry<T> r) {
            return new Retry<>(r.reason(), r.retryAfter(), r.offline());
        }
        if (this instanceof NotSent<T> n) {
            return new NotSent<>(n.reason(), n.offline());
        }
        if (this instanceof Unknown<T> u) {
            return new Unknown<>(u.reason());
        }
        if (this instanceof Failed<T> f) {
            return new Failed<>(f.reason());
        }
        throw new IllegalStateException("a success is not a failure: " + this);
    }
}
