-- The objection period (公示期) after a quarter's sign-off: members object privately, reviewers
-- uphold (with a correcting ledger entry booked into the objected quarter) or dismiss (with a
-- reason the objector is told); the quarter becomes final once the period has ended with no
-- objection open.
CREATE TABLE objections (
    id                   INTEGER PRIMARY KEY,
    unit_id              INTEGER NOT NULL,
    year                 INTEGER NOT NULL,
    quarter              INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    objector_id          INTEGER NOT NULL REFERENCES members (id),
    member_id            INTEGER NOT NULL REFERENCES members (id),
    entry_id             INTEGER REFERENCES ledger_entries (id),
    reason               TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    status               TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
    created_at           TEXT    NOT NULL,
    resolved_by          INTEGER REFERENCES members (id),
    resolved_at          TEXT,
    resolution           TEXT,
    correction_entry_id  INTEGER REFERENCES ledger_entries (id),
    -- The activity that filed it, so that a redelivered message files it once.
    source_channel_id       TEXT,
    source_conversation_id  TEXT,
    source_activity_id      TEXT,
    FOREIGN KEY (unit_id, year, quarter) REFERENCES quarter_signoffs (unit_id, year, quarter),
    CHECK ((status = 'open') = (resolved_at IS NULL))
);
CREATE INDEX ix_objections_quarter ON objections (unit_id, year, quarter, status);
CREATE UNIQUE INDEX ux_objections_source ON objections (source_channel_id, source_conversation_id, source_activity_id)
    WHERE source_activity_id IS NOT NULL;

-- A signed-off quarter whose objection period is over with nothing open: its notice is final.
CREATE TABLE quarter_finals (
    unit_id   INTEGER NOT NULL,
    year      INTEGER NOT NULL,
    quarter   INTEGER NOT NULL,
    final_at  TEXT    NOT NULL,
    PRIMARY KEY (unit_id, year, quarter),
    FOREIGN KEY (unit_id, year, quarter) REFERENCES quarter_signoffs (unit_id, year, quarter)
) WITHOUT ROWID;

-- Quarters signed off before objection periods existed were final at their sign-off.
INSERT INTO quarter_finals (unit_id, year, quarter, final_at)
SELECT unit_id, year, quarter, signed_at FROM quarter_signoffs;

-- The last local day reviewers were reminded of objections still open after the period.
CREATE TABLE objection_reminders (
    unit_id      INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,
    reminded_on  TEXT    NOT NULL,
    PRIMARY KEY (unit_id, year, quarter)
) WITHOUT ROWID;
