-- Identity you can trust (issue 12): personal codes, throttled join attempts, and the web
-- channel's sign-in (devices and the keys that protect its cookies).

-- A personal code claims the roster entry it was issued for, with its roles; a branch's code
-- (member_id NULL) only ever makes ordinary members.
ALTER TABLE join_codes ADD COLUMN member_id INTEGER REFERENCES members (id);

-- Wrong join codes per account ('account:{channel}:{user}') and per channel or tenant
-- ('tenant:{channel}:{tenant}'); the counter starts again once window_start is older than the
-- window. A successful join clears the account's counter, never the tenant's.
CREATE TABLE join_attempts (
    scope_key     TEXT    PRIMARY KEY,
    failures      INTEGER NOT NULL CHECK (failures > 0),
    window_start  TEXT    NOT NULL
) WITHOUT ROWID;

-- One row per browser signed in to the Web Chat page. The id travels in the protected cookie;
-- revoking the row signs that browser out at its next token request.
CREATE TABLE web_sessions (
    id            TEXT    PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    user_id       TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    user_agent    TEXT,
    revoked_at    TEXT,
    revoked_by    INTEGER REFERENCES members (id)
) WITHOUT ROWID;
CREATE INDEX ix_web_sessions_member ON web_sessions (member_id, created_at);
CREATE INDEX ix_web_sessions_user ON web_sessions (user_id);

-- ASP.NET Core data-protection keys (XML), so that cookies survive a restart and several
-- instances on one database read each other's.
CREATE TABLE data_protection_keys (
    friendly_name  TEXT PRIMARY KEY,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
) WITHOUT ROWID;
