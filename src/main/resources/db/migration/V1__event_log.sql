-- The append-only event log: the single source of truth for every incident.
-- seq orders events by when this database stored them; id (UUID v7) is the dedupe key
-- for imports and sync. Instants are stored with their UTC offset.
CREATE TABLE event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           UUID NOT NULL,
    incident_id  UUID NOT NULL,
    occurred_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    recorded_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    author       VARCHAR(200) NOT NULL,
    type         VARCHAR(64) NOT NULL,
    payload      CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT event_id_unique UNIQUE (id)
);

CREATE INDEX event_by_incident ON event (incident_id, seq);
CREATE INDEX event_by_type ON event (type, incident_id);

-- Small facts about the console shared by the GUI and the CLI (e.g. the active incident).
CREATE TABLE console_state (
    name   VARCHAR(100) PRIMARY KEY,
    val    VARCHAR(1000) NOT NULL
);
