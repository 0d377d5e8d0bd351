-- The bot's own Direct Line channel (bot/DirectLine): conversations, who joined them, their
-- history and uploaded files. The history is what clients replay after a reload or a restart.

-- kind: 'conversation' = started through the REST API with the secret or a generated token;
--       'private' = the one 1:1 conversation of a Web Chat user (also where proactive 1:1 lands);
--       'group' = a named conversation that several users join (isGroup on the wire).
CREATE TABLE directline_conversations (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('conversation', 'private', 'group')),
    owner_user_id   TEXT,
    group_name      TEXT,
    locale          TEXT,
    -- The watermark: every stored activity takes the next number, so a client can ask for "after N".
    last_sequence   INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    started_at      TEXT,
    CHECK ((kind = 'group') = (group_name IS NOT NULL)),
    CHECK ((kind = 'private') = (owner_user_id IS NOT NULL))
) WITHOUT ROWID;
CREATE UNIQUE INDEX ux_directline_conversations_group ON directline_conversations (group_name) WHERE kind = 'group';
CREATE UNIQUE INDEX ux_directline_conversations_private ON directline_conversations (owner_user_id) WHERE kind = 'private';

CREATE TABLE directline_members (
    conversation_id  TEXT NOT NULL REFERENCES directline_conversations (id),
    user_id          TEXT NOT NULL,
    user_name        TEXT,
    joined_at        TEXT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;

-- One row per activity as clients see it. An update moves the row to a new sequence so that
-- clients past the old watermark receive the new version (Web Chat replaces by id).
-- delivered_at: when the bot accepted a user's activity; a client retry of an undelivered one
-- (same sender and clientActivityID) runs the bot again instead of storing a second copy.
CREATE TABLE directline_activities (
    conversation_id     TEXT    NOT NULL REFERENCES directline_conversations (id),
    sequence            INTEGER NOT NULL,
    activity_id         TEXT    NOT NULL,
    type                TEXT    NOT NULL,
    from_id             TEXT,
    client_activity_id  TEXT,
    activity_json       TEXT    NOT NULL,
    created_at          TEXT    NOT NULL,
    delivered_at        TEXT,
    PRIMARY KEY (conversation_id, sequence)
) WITHOUT ROWID;
CREATE UNIQUE INDEX ux_directline_activities_id ON directline_activities (conversation_id, activity_id);
CREATE UNIQUE INDEX ux_directline_activities_client ON directline_activities (conversation_id, from_id, client_activity_id)
    WHERE client_activity_id IS NOT NULL;

-- Files sent with uploads or the Connector's attachment API; served by an unguessable id.
CREATE TABLE directline_attachments (
    id               TEXT    PRIMARY KEY,
    conversation_id  TEXT    NOT NULL REFERENCES directline_conversations (id),
    content_type     TEXT    NOT NULL,
    name             TEXT,
    content          BLOB    NOT NULL,
    created_at       TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_directline_attachments_conversation ON directline_attachments (conversation_id);
