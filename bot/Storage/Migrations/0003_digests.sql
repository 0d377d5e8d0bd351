-- Daily digests to group chats and the quarterly public notice (张榜公示).
-- See bot/Digests and bot/Notices for the rules behind these tables.

-- A branch's own digest settings; NULL means "as configured" (Digest:* settings).
CREATE TABLE digest_settings (
    unit_id             INTEGER PRIMARY KEY REFERENCES org_units (id),
    schedule            TEXT,
    time_zone           TEXT,
    skip_empty_days     INTEGER CHECK (skip_empty_days IS NULL OR skip_empty_days IN (0, 1)),
    publish_deductions  INTEGER CHECK (publish_deductions IS NULL OR publish_deductions IN (0, 1)),
    updated_by          INTEGER REFERENCES members (id),
    updated_at          TEXT    NOT NULL
);

-- What a run covers: ledger entries recorded in (window_start, window_end]. window_end is the
-- scheduled instant and both are fixed when the run is claimed, so a re-attempt after a crash
-- reports the same deeds, and the next digest starts where the last one sent (or skipped) ended.
ALTER TABLE digest_runs ADD COLUMN window_start TEXT;
ALTER TABLE digest_runs ADD COLUMN window_end TEXT;
-- The id the channel gave the posted digest.
ALTER TABLE digest_runs ADD COLUMN activity_id TEXT;

-- Each round asks which groups already have a run for one or two local days; without this the
-- question scans a year of runs (15,000 groups x 365 days).
CREATE INDEX ix_digest_runs_local_date ON digest_runs (local_date);
-- Abandoned claims (a crash between claim and send) and failures to report: few rows each.
CREATE INDEX ix_digest_runs_claimed ON digest_runs (claimed_at) WHERE status = 'claimed';
CREATE INDEX ix_digest_runs_failed ON digest_runs (finished_at) WHERE status = 'failed';

-- One row per recipient of a quarter's notice: the reviewers' personal chats ('review', to check
-- it) and, after the secretary's sign-off, the branch's groups ('publish'). Claimed before
-- sending, like digest runs, so each recipient gets it once.
CREATE TABLE notice_deliveries (
    id               INTEGER PRIMARY KEY,
    unit_id          INTEGER NOT NULL REFERENCES org_units (id),
    year             INTEGER NOT NULL,
    quarter          INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    purpose          TEXT    NOT NULL CHECK (purpose IN ('review', 'publish')),
    channel_id       TEXT    NOT NULL,
    conversation_id  TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
    claimed_by       TEXT    NOT NULL,
    claimed_at       TEXT    NOT NULL,
    finished_at      TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    activity_id      TEXT,
    UNIQUE (unit_id, year, quarter, purpose, channel_id, conversation_id)
);
CREATE INDEX ix_notice_deliveries_claimed ON notice_deliveries (claimed_at) WHERE status = 'claimed';
