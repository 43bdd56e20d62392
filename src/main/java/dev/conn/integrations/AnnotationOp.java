package dev.conn.integrations;

import java.util.Objects;
import java.util.UUID;

/**
 * One change to Grafana's annotations, planned from one timeline event ({@link AnnotationPlanner}),
 * to be queued in the outbox and sent in order. Each names the timeline event whose annotation it
 * concerns; the annotation carries that event's tag ({@link ExternalIds#eventTag}), so its Grafana
 * id can always be found again, even if the id written back when it was created is not at hand.
 */
public sealed interface AnnotationOp {

    /** @return the timeline event whose annotation this creates, updates or deletes */
    UUID eventId();

    /**
     * {@code POST /api/annotations}.
     *
     * @param eventId the event shown
     * @param annotation what to create
     */
    record Create(UUID eventId, Annotation annotation) implements AnnotationOp {
        /** @throws NullPointerException if a field is null */
        public Create {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(annotation, "annotation");
        }
    }

    /**
     * {@code PUT /api/annotations/{id}}: a correction, or the impact window's end.
     *
     * @param eventId the event whose annotation changes
     * @param annotation all of its new properties
     */
    record Update(UUID eventId, Annotation annotation) implements AnnotationOp {
        /** @throws NullPointerException if a field is null */
        public Update {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(annotation, "annotation");
        }
    }

    /**
     * {@code DELETE /api/annotations/{id}}: the event was retracted.
     *
     * @param eventId the retracted event
     */
    record Delete(UUID eventId) implements AnnotationOp {
        /** @throws NullPointerException if the id is null */
        public Delete {
            Objects.requireNonNull(eventId, "eventId");
        }
    }
}
