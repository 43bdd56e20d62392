package dev.conn.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.conn.platform.json.Json;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one mapping between {@link EventBody} records and the JSON stored in the {@code payload}
 * column and exported in bundles. Field names are the record components' names, which are the
 * names every existing database and version-1 bundle uses; optional fields that are empty are left
 * out; instants are ISO-8601 strings in UTC; enums are written by name, except {@link Status},
 * written in its lower-case wire form ({@code identified}).
 *
 * <p>Reading is lenient where earlier versions were: a severity may be stored as {@code 2},
 * {@code sev2} or {@code SEV2}, a status as any unambiguous prefix, enum names in any case, and
 * fields this version does not know are ignored (the stored JSON is kept as it was, see {@link
 * Event#payloadJson()}). A payload that is not valid for its type fails with {@link
 * MalformedEventException} naming the event and the field. Thread-safe.
 */
public final class EventCodec {
    private static final JsonMapper MAPPER = mapper();
    private static final Map<EventType, Class<? extends EventBody>> CLASSES = classes();
    private static final Map<EventType, ObjectReader> READERS = new EnumMap<>(EventType.class);
    private static final Map<EventType, ObjectWriter> WRITERS = new EnumMap<>(EventType.class);

    static {
        CLASSES.forEach((type, cls) -> {
            READERS.put(type, MAPPER.readerFor(cls));
            WRITERS.put(type, MAPPER.writerFor(cls));
        });
    }

    private EventCodec() {}

    /**
     * @param body a body
     * @return its stored JSON: a compact object
     */
    public static String encode(EventBody body) {
        try {
            return WRITERS.get(body.type()).writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param eventId the event, for messages
     * @param type its stored type
     * @param json its stored payload
     * @return the typed body
     * @throws MalformedEventException naming the event id, type and field if the payload does not
     *     fit the type
     */
    public static EventBody decode(UUID eventId, EventType type, String json) {
        try {
            EventBody body = READERS.get(type).readValue(json);
            if (body == null) {
                throw new MalformedEventException(eventId, type, "the payload is empty");
            }
            return body;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MalformedEventException(eventId, type, cause.getMessage());
        } catch (JsonMappingException e) {
            throw new MalformedEventException(eventId, type, describe(e));
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    eventId, type, "the payload is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEventException(eventId, type, e.getMessage());
        }
    }

    /** @return the record class of each type */
    static Map<EventType, Class<? extends EventBody>> recordClasses() {
        return CLASSES;
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse("");
        Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
        String why = cause != null ? cause.getMessage() : e.getOriginalMessage();
        int cut = why == null ? -1 : why.indexOf("\n");
        why = why == null ? "malformed" : cut < 0 ? why : why.substring(0, cut);
        return field.isEmpty() ? why : "field '" + field + "': " + why;
    }

    private static Map<EventType, Class<? extends EventBody>> classes() {
        Map<EventType, Class<? extends EventBody>> m = new EnumMap<>(EventType.class);
        m.put(EventType.INCIDENT_DECLARED, HeaderEvent.IncidentDeclared.class);
        m.put(EventType.SEVERITY_CHANGED, HeaderEvent.SeverityChanged.class);
        m.put(EventType.STATUS_CHANGED, HeaderEvent.StatusChanged.class);
        m.put(EventType.MITIGATED, HeaderEvent.Mitigated.class);
        m.put(EventType.RESOLVED, HeaderEvent.Resolved.class);
        m.put(EventType.NOTE, TimelineEvent.Note.class);
        m.put(EventType.DECISION, TimelineEvent.Decision.class);
        m.put(EventType.ACTION_TAKEN, TimelineEvent.ActionTaken.class);
        m.put(EventType.EVENT_CORRECTED, TimelineEvent.EventCorrected.class);
        m.put(EventType.EVENT_RETRACTED, TimelineEvent.EventRetracted.class);
        m.put(EventType.CHECKLIST_ITEM_DONE, CommsEvent.ChecklistItemDone.class);
        m.put(EventType.CHECKLIST_ITEM_SKIPPED, CommsEvent.ChecklistItemSkipped.class);
        m.put(EventType.CHECKLIST_ITEM_SNOOZED, CommsEvent.ChecklistItemSnoozed.class);
        m.put(EventType.MESSAGE_QUEUED, CommsEvent.MessageQueued.class);
        m.put(EventType.MESSAGE_SENT, CommsEvent.MessageSent.class);
        m.put(EventType.MESSAGE_FAILED, CommsEvent.MessageFailed.class);
        m.put(EventType.MESSAGE_DELIVERY_UNKNOWN, CommsEvent.MessageDeliveryUnknown.class);
        m.put(EventType.RESPONDER_JOINED, CommandEvent.ResponderJoined.class);
        m.put(EventType.RESPONDER_LEFT, CommandEvent.ResponderLeft.class);
        m.put(EventType.BREAK_STARTED, CommandEvent.BreakStarted.class);
        m.put(EventType.BREAK_ENDED, CommandEvent.BreakEnded.class);
        m.put(EventType.ROLE_ASSIGNED, CommandEvent.RoleAssigned.class);
        m.put(EventType.NEXT_IC_DESIGNATED, CommandEvent.NextIcDesignated.class);
        m.put(EventType.HANDOFF_OFFERED, CommandEvent.HandoffOffered.class);
        m.put(EventType.HANDOFF_ACKNOWLEDGED, CommandEvent.HandoffAcknowledged.class);
        m.put(EventType.HANDOFF_DECLINED, CommandEvent.HandoffDeclined.class);
        m.put(EventType.HANDOFF_EXPIRED, CommandEvent.HandoffExpired.class);
        m.put(EventType.HANDOFF_WITHDRAWN, CommandEvent.HandoffWithdrawn.class);
        m.put(EventType.TASK_ASSIGNED, CommandEvent.TaskAssigned.class);
        m.put(EventType.TASK_ACKNOWLEDGED, CommandEvent.TaskAcknowledged.class);
        m.put(EventType.TASK_DONE, CommandEvent.TaskDone.class);
        m.put(EventType.TASK_CANCELLED, CommandEvent.TaskCancelled.class);
        m.put(EventType.FATIGUE_ALERTED, CommandEvent.FatigueAlerted.class);
        m.put(EventType.IMPACT_QUERY_SET, ImpactEvent.ImpactQuerySet.class);
        m.put(EventType.IMPACT_QUERY_REMOVED, ImpactEvent.ImpactQueryRemoved.class);
        m.put(EventType.METRIC_SNAPSHOT, ImpactEvent.MetricSnapshot.class);
        m.put(EventType.MILESTONE_SET, PostmortemEvent.MilestoneSet.class);
        m.put(EventType.POSTMORTEM_FIELD_SET, PostmortemEvent.PostmortemFieldSet.class);
        m.put(EventType.ACTION_ITEM_ADDED, PostmortemEvent.ActionItemAdded.class);
        m.put(EventType.ACTION_ITEM_UPDATED, PostmortemEvent.ActionItemUpdated.class);
        m.put(EventType.INCIDENT_TAGGED, PostmortemEvent.IncidentTagged.class);
        m.put(EventType.POSTMORTEM_HEADER_SET, PostmortemEvent.PostmortemHeaderSet.class);
        m.put(EventType.ENTRY_STARRED, TimelineEvent.EntryStarred.class);
        m.put(EventType.TICKET_REQUESTED, IntegrationEvent.TicketRequested.class);
        m.put(EventType.PAGE_REQUESTED, IntegrationEvent.PageRequested.class);
        m.put(EventType.PAGE_SENT, IntegrationEvent.PageSent.class);
        m.put(EventType.PAGE_ACKNOWLEDGED, IntegrationEvent.PageAcknowledged.class);
        m.put(EventType.PAGE_RESOLVED, IntegrationEvent.PageResolved.class);
        for (EventType t : EventType.values()) {
            if (!m.containsKey(t)) {
                throw new IllegalStateException("no record for event type " + t);
            }
        }
        return m;
    }

    private static JsonMapper mapper() {
        SimpleModule vocabulary = new SimpleModule("conn-event-vocabulary");
        lenient(vocabulary, Severity.class, Severity::parse);
        lenient(vocabulary, Status.class, Status::parse);
        lenient(vocabulary, Role.class, n -> Role.fromName(n)
                .orElseThrow(() -> new IllegalArgumentException("'" + n + "' is not a role")));
        lenient(vocabulary, Milestone.class, Milestone::parse);
        lenient(vocabulary, FatigueLevel.class, n -> FatigueLevel.parse(n)
                .orElseThrow(() -> new IllegalArgumentException("'" + n + "' is not a fatigue level")));
        lenient(vocabulary, AckMethod.class, n -> byName(AckMethod.class, n));
        lenient(vocabulary, Audience.class, n -> byName(Audience.class, n));
        lenient(vocabulary, ActionItemKind.class, n -> byName(ActionItemKind.class, n));
        lenient(vocabulary, ActionItemStatus.class, n -> byName(ActionItemStatus.class, n));
        lenient(vocabulary, PostmortemStatus.class, n -> byName(PostmortemStatus.class, n));
        vocabulary.addSerializer(Status.class, new JsonSerializer<>() {
            @Override
            public void serialize(Status value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.label());
            }
        });
        JsonMapper base = Json.newMapper();
        return base.rebuild()
                .addModule(new Jdk8Module())
                .addModule(vocabulary)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }

    private static <E extends Enum<E>> E byName(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static <E extends Enum<E>> void lenient(SimpleModule module, Class<E> type, Function<String, E> parse) {
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING) && !p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                    throw JsonMappingException.from(p, "expected text, found " + p.currentToken());
                }
                String text = p.getText();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage(), e);
                }
            }
        });
    }
}
