-- Every message the bot sends (replies, notices to reviewers and members, group posts) is written
-- here in the transaction of the turn or job that decided to send it, and delivered after the
-- commit. A message is claimed by setting next_attempt_at into the future (a lease): whoever
-- holds an unexpired claim sends it; an expired one is taken over, so a crash between commit and
-- delivery delays a message but never loses it.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    channel_id       TEXT    NOT NULL,
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
CREATE INDEX ix_outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ix_outbox_conversation ON outbox (channel_id, conversation_id, id) WHERE status = 'pending';
CREATE INDEX ix_outbox_finished ON outbox (finished_at) WHERE status <> 'pending';

INSERT INTO outbox (channel_id, service_url, conversation_id, activity_json, status, attempts, next_attempt_at, created_at, finished_at, last_error)
SELECT coalesce(json_extract(activity_json, '$.channelId'), ''), service_url, conversation_id, activity_json, status, attempts, next_attempt_at, created_at, finished_at, last_error
FROM reply_outbox
ORDER BY id;

DROP TABLE reply_outbox;
