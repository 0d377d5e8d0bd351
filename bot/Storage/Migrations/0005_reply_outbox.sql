-- Replies the Connector kept refusing (429, 5xx, timeouts) after the client's own retries: kept
-- here and sent later, so a member still learns that their claim was registered.
CREATE TABLE reply_outbox (
    id               INTEGER PRIMARY KEY,
    service_url      TEXT    NOT NULL,
    conversation_id  TEXT    NOT NULL,
    activity_json    TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    finished_at      TEXT,
    last_error       TEXT
);
CREATE INDEX ix_reply_outbox_due ON reply_outbox (status, next_attempt_at);
