package dev.conn.incident;

/**
 * What an {@link Event} says: one record per {@link EventType}, grouped by the feature that owns
 * the fact. The records are the payload schema; {@link EventCodec} maps them to the stored JSON and
 * back, keeping the field names every existing database and version-1 bundle uses.
 *
 * <p>All records live in this package because a sealed hierarchy outside a named module must; each
 * feature's sub-interface ({@link CommandEvent}, {@link CommsEvent}, ...) lets it switch over its own
 * events exhaustively. Instants are UTC. Optional fields are {@link java.util.Optional}, never null.
 * Records never change once a type has shipped, except to add optional fields.
 */
public sealed interface EventBody
        permits HeaderEvent, TimelineEvent, CommsEvent, CommandEvent, ImpactEvent, PostmortemEvent, IntegrationEvent {

    /** @return the stored type of this body */
    EventType type();

    /**
     * Checks a required field of a record being built or decoded.
     *
     * @param value the value
     * @param field the JSON field name, for the message
     * @param <T> its type
     * @return the value
     * @throws IllegalArgumentException naming the field if the value is null
     */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }

    /**
     * @param value an optional that Jackson or a caller may have left null
     * @param <T> its type
     * @return the value, or empty for null
     */
    static <T> java.util.Optional<T> opt(java.util.Optional<T> value) {
        return value == null ? java.util.Optional.empty() : value;
    }
}
