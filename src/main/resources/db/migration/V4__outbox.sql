-- The outbox (issue 4): one row per message and channel, inserted in the same transaction as the
-- MESSAGE_QUEUED event, so a message the user was told is queued can never be lost.
-- state: QUEUED (waiting for next_attempt_at), IN_FLIGHT (request may have left; set durably
-- before sending), SENT, FAILED (terminal), UNKNOWN (found IN_FLIGHT after a crash: the user
-- decides to resend or mark sent).
CREATE TABLE outbox (
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      UUID NOT NULL,
    incident_id     UUID NOT NULL,
    channel         VARCHAR(100) NOT NULL,
    author          VARCHAR(200) NOT NULL,
    subject         VARCHAR(1000) NOT NULL,
    body            CHARACTER LARGE OBJECT NOT NULL,
    extras          CHARACTER LARGE OBJECT NOT NULL,
    state           VARCHAR(16) NOT NULL,
    attempts        INT DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    external_id     VARCHAR(200),
    sent_at         TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT outbox_message_channel UNIQUE (message_id, channel)
);

CREATE INDEX outbox_by_state ON outbox (state, channel, seq);
CREATE INDEX outbox_by_incident ON outbox (incident_id, channel, seq);
