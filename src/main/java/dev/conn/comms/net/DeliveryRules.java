package dev.conn.comms.net;

import dev.conn.comms.Delivery;
import dev.conn.platform.http.HttpTransport;
import java.time.Clock;
import java.util.Set;

/**
 * How the HTTP channels read what {@link HttpTransport} brought back: the answer's status class,
 * and, without an answer, the rule for uncertainty (ADR 0009).
 */
final class DeliveryRules {
    /** Answers larger than this are not kept: an error text or a Statuspage incident fits easily. */
    static final long MAX_ANSWER_BYTES = 256 * 1024;

    private DeliveryRules() {}

    /**
     * The common classification: 2xx sent; rate limits, 408 and 5xx retried; other 4xx terminal. A
     * 504 (a gateway in front of the receiver gave up waiting for its answer: RFC 9110 section
     * 15.6.5) is a lost answer, so for a receiver that cannot de-duplicate it is {@link
     * Delivery.Unknown}.
     *
     * @param a the answer
     * @param service the service name for messages, e.g. "Slack"
     * @param rateLimitCodes the codes that mean "slow down" (429; Statuspage also 420)
     * @param receiverDeduplicates whether a lost answer may be retried
     * @param clock for {@code Retry-After} dates
     * @return the outcome
     */
    static Delivery classify(
            HttpTransport.Answer a,
            String service,
            Set<Integer> rateLimitCodes,
            boolean receiverDeduplicates,
            Clock clock) {
        if (a.code() >= 200 && a.code() < 300) {
            return new Delivery.Sent(java.util.Optional.empty());
        }
        String detail = service + " answered HTTP " + a.code() + summary(a);
        if (a.code() == 504 && !receiverDeduplicates) {
            return new Delivery.Unknown(
                    detail + " (a gateway timed out waiting for " + service + "): it may have arrived");
        }
        if (rateLimitCodes.contains(a.code())) {
            return new Delivery.Retry(
                    detail + " (rate limited)", HttpTransport.retryAfter(a.retryAfter(), clock), false);
        }
        if (a.code() >= 500 || a.code() == 408) {
            return new Delivery.Retry(detail, HttpTransport.retryAfter(a.retryAfter(), clock), false);
        }
        return new Delivery.Failed(detail);
    }

    /**
     * The rule for uncertainty. A request that never left, or was cut off while being written, is
     * certainly not delivered. One that was written in full and then lost its answer may have been
     * delivered: only a receiver that de-duplicates may get it again on its own.
     *
     * @param n how far the request got
     * @param service the service name for messages
     * @param receiverDeduplicates true for the JSON webhook ({@code Idempotency-Key}) and
     *     Statuspage (looks up before repeating)
     * @return {@link Delivery.NotSent}, {@link Delivery.Retry} or {@link Delivery.Unknown}
     */
    static Delivery noAnswer(HttpTransport.NoAnswer n, String service, boolean receiverDeduplicates) {
        String what = n.error().getClass().getSimpleName();
        return switch (n.reach()) {
            case NOT_SENT -> new Delivery.NotSent(
                    (n.unreachable() ? "cannot reach the server: " : "could not connect: ") + what, n.unreachable());
            case PARTLY_SENT -> new Delivery.Retry(
                    "network error: the connection broke while sending (" + what + "); not delivered",
                    java.util.Optional.empty(),
                    false);
            case SENT -> receiverDeduplicates
                    ? new Delivery.Retry(
                            "network error: no answer from " + service + " (" + what + "); it de-duplicates, so"
                                    + " Conn tries again",
                            java.util.Optional.empty(),
                            false)
                    : new Delivery.Unknown("no answer from " + service + " after the message was sent (" + what
                            + "): it may have arrived");
        };
    }

    private static String summary(HttpTransport.Answer a) {
        if (a.truncated()) {
            return ": (answer too large to show)";
        }
        String b = a.text().strip().replaceAll("\\s+", " ");
        if (b.isEmpty()) {
            return "";
        }
        return ": " + (b.length() > 200 ? b.substring(0, 200) + "..." : b);
    }
}
