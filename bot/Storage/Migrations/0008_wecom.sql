-- WeCom and WeChat Official Account channels (issue 13).

-- Photos members sent on WeCom or WeChat, fetched through the platform's media API when they
-- arrived (the platform forgets them after a few days) and served back from this host by an
-- unguessable id, as Direct Line serves its uploads: the claim keeps that URL as evidence.
CREATE TABLE channel_media (
    id            TEXT    PRIMARY KEY,
    channel_id    TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    content       BLOB    NOT NULL,
    created_at    TEXT    NOT NULL
) WITHOUT ROWID;

-- WeCom group robots (群机器人) a reviewer gave the bot with 订阅日报 <webhook>. The webhook key
-- is a secret: it stays here and is never logged or shown again in full (key_hint is its last
-- four characters). conversation_id (robot-<first 16 hex of its SHA-256>) is the group's id in
-- conversation_references and group_subscriptions, so digests reach it like any group.
CREATE TABLE wecom_group_robots (
    conversation_id  TEXT    PRIMARY KEY,
    webhook_key      TEXT    NOT NULL,
    key_hint         TEXT    NOT NULL,
    added_by         INTEGER REFERENCES members (id),
    added_at         TEXT    NOT NULL
) WITHOUT ROWID;
