-- One-time codes that link a further channel account to a member (绑定 / 绑定 123456).
-- Only a SHA-256 of the code is kept, so reading the file does not hand out live codes.
-- A code is deleted when used, replaced when its member asks for a new one, and ignored
-- (then swept) once expired.
CREATE TABLE link_codes (
    code_hash   TEXT    PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_link_codes_member ON link_codes (member_id);

-- Wrong codes per channel account, to throttle guessing: the counter starts again once
-- window_start is older than the window, and is cleared by a successful link.
CREATE TABLE link_attempts (
    channel_id    TEXT    NOT NULL,
    user_id       TEXT    NOT NULL,
    failures      INTEGER NOT NULL CHECK (failures > 0),
    window_start  TEXT    NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;
