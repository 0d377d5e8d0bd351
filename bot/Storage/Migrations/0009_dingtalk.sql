-- The DingTalk channel (bot/Channels/DingTalk): where each conversation can be answered, the custom
-- group robots secretaries registered, and pictures members sent (kept as claim evidence).

-- is_group = 0: a private chat with staff_id, where the send-to-users API goes;
-- is_group = 1: a group whose conversation id is the openConversationId of the send-to-group API.
-- session_webhook: the reply URL of the latest message, usable until session_webhook_expires_at.
CREATE TABLE dingtalk_conversations (
    conversation_id             TEXT    PRIMARY KEY,
    is_group                    INTEGER NOT NULL CHECK (is_group IN (0, 1)),
    staff_id                    TEXT,
    session_webhook             TEXT,
    session_webhook_expires_at  TEXT,
    updated_at                  TEXT    NOT NULL,
    CHECK (is_group = 1 OR staff_id IS NOT NULL)
) WITHOUT ROWID;

-- A custom group robot (自定义机器人) with signing; its conversation id is 'robot:' and a hash of
-- its access token. webhook_url and secret are credentials: never shown, never logged.
CREATE TABLE dingtalk_robots (
    conversation_id  TEXT    PRIMARY KEY,
    webhook_url      TEXT    NOT NULL,
    secret           TEXT    NOT NULL,
    member_id        INTEGER NOT NULL REFERENCES members (id),
    created_at       TEXT    NOT NULL
) WITHOUT ROWID;

-- Pictures downloaded from DingTalk (its download URLs are temporary); served by an unguessable id.
CREATE TABLE dingtalk_files (
    id               TEXT    PRIMARY KEY,
    conversation_id  TEXT    NOT NULL,
    content_type     TEXT    NOT NULL,
    content          BLOB    NOT NULL,
    created_at       TEXT    NOT NULL
) WITHOUT ROWID;
