-- Writers take turns: every append locks this row before inserting, so events commit in the
-- order of their seq, and a reader following the log by seq (the live view of what the CLI
-- appends) can never skip an event whose transaction committed late.
CREATE TABLE append_lock (
    id INT PRIMARY KEY
);
INSERT INTO append_lock (id) VALUES (1);
