-- The war room's schema (issue 13) on the team's PostgreSQL (13 or newer). Kept apart from the
-- consoles' H2 migrations (db/migration): Flyway runs these on the first connect of a role that
-- may create tables in the database's default schema.
--
-- Nothing here ever holds a setting or a secret: settings and channels stay on each console.

-- Which war room this is: a console's journal is bound to one, so a console never mixes the
-- positions of two servers.
CREATE TABLE war_room (
    id          uuid PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO war_room (id) VALUES (gen_random_uuid());

-- The shared log. server_seq is the one order of the war room; instants are kept as the ISO-8601
-- UTC text the console wrote (nanoseconds and all), so every journal holds the same bytes.
-- recorded_by and arrived_at are the server's own record: who wrote each event, and when it got
-- here by the server's clock. They are set by a trigger, whatever the client sends.
CREATE TABLE event (
    server_seq   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid NOT NULL,
    incident_id  uuid NOT NULL,
    occurred_at  text NOT NULL,
    recorded_at  text NOT NULL,
    author       text NOT NULL,
    type         text NOT NULL,
    payload      text NOT NULL,
    recorded_by  name NOT NULL DEFAULT current_user,
    arrived_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT event_id_unique UNIQUE (id)
);
CREATE INDEX event_by_incident ON event (incident_id, server_seq);

-- Writers take turns before any row gets its position, so positions commit in order and a console
-- that reads "everything after my cursor" can never skip an event whose transaction committed late.
-- A statement-level BEFORE trigger runs before the identity of any row is drawn.
CREATE FUNCTION conn_take_turn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(1131376238);
    RETURN NULL;
END $$;
CREATE TRIGGER event_take_turn BEFORE INSERT ON event FOR EACH STATEMENT EXECUTE FUNCTION conn_take_turn();

CREATE FUNCTION conn_stamp_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_by := current_user;
    NEW.arrived_at := clock_timestamp();
    RETURN NEW;
END $$;
CREATE TRIGGER event_stamp BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION conn_stamp_event();

CREATE FUNCTION conn_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the war room''s event log is append-only: % of table % is not allowed', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event FOR EACH ROW EXECUTE FUNCTION conn_append_only();
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event FOR EACH STATEMENT EXECUTE FUNCTION conn_append_only();

-- Wakes every listening console at commit; a console's poll covers what it missed while away.
CREATE FUNCTION conn_notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('conn_war_room', '');
    RETURN NULL;
END $$;
CREATE TRIGGER event_notify AFTER INSERT ON event FOR EACH STATEMENT EXECUTE FUNCTION conn_notify_event();

-- Presence: each console is a person; last_seen by the server's clock.
CREATE TABLE console_presence (
    person_id     text PRIMARY KEY,
    display_name  text NOT NULL,
    console_id    uuid NOT NULL,
    recorded_by   name NOT NULL DEFAULT current_user,
    connected_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_seen     timestamptz NOT NULL DEFAULT clock_timestamp(),
    signed_off    boolean NOT NULL DEFAULT false
);

CREATE FUNCTION conn_stamp_presence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_by := current_user;
    NEW.last_seen := clock_timestamp();
    RETURN NEW;
END $$;
CREATE TRIGGER presence_stamp BEFORE INSERT OR UPDATE ON console_presence FOR EACH ROW
    EXECUTE FUNCTION conn_stamp_presence();

-- One sender per war room: the dispatch lease, by the server's clock. token only ever grows; every
-- outbox state change names it, so a holder that lost the lease can neither send nor record.
CREATE TABLE dispatch_lease (
    name               text PRIMARY KEY,
    token              bigint NOT NULL,
    owner_id           text NOT NULL,
    owner_host         text NOT NULL,
    owner_pid          bigint NOT NULL,
    owner_description  text NOT NULL,
    acquired_at        timestamptz NOT NULL,
    heartbeat_at       timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL
);
INSERT INTO dispatch_lease VALUES
    ('outbox', 0, '', '', 0, 'nobody yet', '-infinity', '-infinity', '-infinity');

-- The war room's outbox: rows handed over by the console that queued the message, in the same
-- transaction as its MESSAGE_QUEUED event; sent by the lease holder. States as in a console's
-- outbox (QUEUED, IN_FLIGHT, SENT, FAILED, UNKNOWN).
CREATE TABLE outbox (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id       uuid NOT NULL,
    incident_id      uuid NOT NULL,
    channel          text NOT NULL,
    author           text NOT NULL,
    subject          text NOT NULL,
    body             text NOT NULL,
    extras           text NOT NULL,
    state            text NOT NULL CHECK (state IN ('QUEUED', 'IN_FLIGHT', 'SENT', 'FAILED', 'UNKNOWN')),
    attempts         integer NOT NULL DEFAULT 0,
    failures         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    external_id      text,
    sent_at          timestamptz,
    lease_token      bigint,
    shared_by        name NOT NULL DEFAULT current_user,
    CONSTRAINT outbox_message_channel UNIQUE (message_id, channel)
);
CREATE INDEX outbox_by_state ON outbox (state, channel, seq);
