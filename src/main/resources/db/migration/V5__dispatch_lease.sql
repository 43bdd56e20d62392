-- One dispatcher per data directory (issue 11): the lease a process must hold to send the
-- outbox, and the fencing token each outbox row records when it goes IN_FLIGHT.
-- A row of dispatch_lease names one scope of dispatch ('outbox'). token only ever grows: every
-- take-over by another process adds one, so a row left IN_FLIGHT under an older token belongs to
-- a holder that is gone (its message becomes delivery-unknown), and a fenced holder's late
-- writes are refused by the compare-and-set on the token. Instants are UTC.
CREATE TABLE dispatch_lease (
    name              VARCHAR(50) PRIMARY KEY,
    token             BIGINT NOT NULL,
    owner_id          VARCHAR(64) NOT NULL,
    owner_host        VARCHAR(255) NOT NULL,
    owner_pid         BIGINT NOT NULL,
    owner_description VARCHAR(500) NOT NULL,
    acquired_at       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    heartbeat_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP(9) WITH TIME ZONE NOT NULL
);

-- lease_token: the token of the holder that set the row IN_FLIGHT (null for rows from before V5).
-- failures: failed tries in a row, for the backoff; attempts counts only requests that may have
-- reached the receiver.
ALTER TABLE outbox ADD COLUMN lease_token BIGINT;
ALTER TABLE outbox ADD COLUMN failures INT DEFAULT 0 NOT NULL;
