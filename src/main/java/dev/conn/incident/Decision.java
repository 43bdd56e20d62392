package dev.conn.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** What a {@link Decider} answers: the events to append, or a refusal in the user's words. */
public sealed interface Decision {

    /**
     * @param drafts the events to append, in order; may be empty (nothing to do)
     */
    record Accept(List<Draft> drafts) implements Decision {
        /** Copies the list. */
        public Accept {
            drafts = List.copyOf(drafts);
        }
    }

    /**
     * @param reason what to tell the user: what is wrong and what to do instead
     */
    record Refuse(String reason) implements Decision {
        /** @throws NullPointerException if the reason is null */
        public Refuse {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param bodies events happening now
     * @return an acceptance
     */
    static Decision accept(EventBody... bodies) {
        return new Accept(Arrays.stream(bodies).map(Draft::of).toList());
    }

    /**
     * @param drafts events to append
     * @return an acceptance
     */
    static Decision accept(List<Draft> drafts) {
        return new Accept(drafts);
    }

    /**
     * @param reason what to tell the user
     * @return a refusal
     */
    static Decision refuse(String reason) {
        return new Refuse(reason);
    }

    /**
     * An event a decider wants appended: the writer adds the incident, the author and the times.
     *
     * @param body what happens
     * @param occurredAt when it happened, if not now (back-dated notes, expiries)
     * @param id the event id, if the caller minted it for an idempotent retry; else a new one
     */
    record Draft(EventBody body, Optional<Instant> occurredAt, Optional<UUID> id) {
        /** @throws NullPointerException if the body is null */
        public Draft {
            Objects.requireNonNull(body, "body");
            occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
            id = id == null ? Optional.empty() : id;
        }

        /**
         * @param body what happens now
         * @return the draft
         */
        public static Draft of(EventBody body) {
            return new Draft(body, Optional.empty(), Optional.empty());
        }

        /**
         * @param at when it happened
         * @return this draft, happening at {@code at}
         */
        public Draft at(Instant at) {
            return new Draft(body, Optional.of(at), id);
        }

        /**
         * @param eventId the id to store it under
         * @return this draft with that id
         */
        public Draft withId(UUID eventId) {
            return new Draft(body, occurredAt, Optional.of(eventId));
        }
    }
}
