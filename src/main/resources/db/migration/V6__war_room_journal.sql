-- War room (issue 13): the local journal learns each event's place in the war room's one order.
-- server_seq: the position the war room's PostgreSQL gave the event (null while it is not yet
-- shared, and always null for a console that is not in a war room). Reads that feed folds order
-- by server_seq (nulls last), then seq: replicated events in server order, then this console's
-- events not yet shared. server_role: the database role the server recorded as its writer.
-- replicated: the event was decided on another console and pulled from the war room; such an event
-- never makes a decision of this console stale (the war room's order settles any conflict with it),
-- so a console keeps recording while others write fast. None of these changes what the event says.
ALTER TABLE event ADD COLUMN server_seq BIGINT;
ALTER TABLE event ADD COLUMN server_role VARCHAR(128);
ALTER TABLE event ADD COLUMN replicated BOOLEAN DEFAULT FALSE NOT NULL;
CREATE UNIQUE INDEX event_by_server_seq ON event (server_seq);
