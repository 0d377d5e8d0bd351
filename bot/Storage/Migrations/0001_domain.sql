-- The whole points domain (see docs/architecture.md for the rules behind it).
-- Instants are UTC ISO-8601 text ('2026-11-26T08:40:19.0000000Z'); calendar days are local
-- 'yyyy-MM-dd' text computed in the unit's time zone; points are signed integers.

CREATE TABLE org_units (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES org_units (id),
    kind        TEXT    NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group')),
    name        TEXT    NOT NULL,
    time_zone   TEXT    NOT NULL DEFAULT 'Asia/Shanghai',
    is_active   INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL
);
CREATE INDEX ix_org_units_parent ON org_units (parent_id);

CREATE TABLE members (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES org_units (id),
    display_name  TEXT    NOT NULL,
    is_active     INTEGER NOT NULL DEFAULT 1,
    joined_at     TEXT    NOT NULL
);
CREATE INDEX ix_members_unit ON members (unit_id, is_active);

-- One member may be reachable on several channels (Teams at the office, Web Chat at home).
CREATE TABLE channel_accounts (
    channel_id  TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    user_name   TEXT,
    linked_at   TEXT    NOT NULL,
    PRIMARY KEY (channel_id, user_id)
) WITHOUT ROWID;
CREATE INDEX ix_channel_accounts_member ON channel_accounts (member_id);

-- An administrator of a unit administers its whole subtree; reviewers are secretaries and
-- the committee members the secretary allowed to review.
CREATE TABLE unit_roles (
    unit_id     INTEGER NOT NULL REFERENCES org_units (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    role        TEXT    NOT NULL CHECK (role IN ('member', 'secretary', 'committee', 'administrator')),
    can_review  INTEGER NOT NULL DEFAULT 0,
    granted_by  INTEGER REFERENCES members (id),
    granted_at  TEXT    NOT NULL,
    PRIMARY KEY (unit_id, member_id, role)
) WITHOUT ROWID;
CREATE INDEX ix_unit_roles_member ON unit_roles (member_id);

-- Rules are never deleted: claims keep pointing at the rule (and its version) they were made under.
CREATE TABLE point_rules (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    name_zh         TEXT    NOT NULL,
    name_en         TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('base', 'bonus', 'deduction')),
    default_points  INTEGER NOT NULL CHECK (default_points BETWEEN 0 AND 1000),
    cap_points      INTEGER CHECK (cap_points IS NULL OR cap_points BETWEEN 0 AND 10000),
    cap_period      TEXT    CHECK (cap_period IS NULL OR cap_period IN ('day', 'week', 'month', 'quarter', 'year')),
    keywords        TEXT    NOT NULL DEFAULT '[]',
    is_active       INTEGER NOT NULL DEFAULT 1,
    version         INTEGER NOT NULL DEFAULT 1,
    updated_at      TEXT    NOT NULL,
    CHECK ((cap_points IS NULL) = (cap_period IS NULL))
);
-- Every member gets one base entry per cycle, so there is one base rule in force at a time.
CREATE UNIQUE INDEX ux_point_rules_one_base ON point_rules (kind) WHERE kind = 'base' AND is_active = 1;

-- A cycle runs from starts_on to ends_on, both days included; its quarters count from starts_on.
CREATE TABLE cycles (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL UNIQUE,
    starts_on   TEXT    NOT NULL,
    ends_on     TEXT    NOT NULL,
    is_open     INTEGER NOT NULL DEFAULT 1,
    CHECK (starts_on < ends_on)
);

CREATE TABLE claims (
    id                      INTEGER PRIMARY KEY,
    member_id               INTEGER NOT NULL REFERENCES members (id),
    unit_id                 INTEGER NOT NULL REFERENCES org_units (id),
    rule_id                 INTEGER NOT NULL REFERENCES point_rules (id),
    rule_version            INTEGER NOT NULL,
    cycle_id                INTEGER NOT NULL REFERENCES cycles (id),
    occurred_at             TEXT    NOT NULL,
    occurred_on             TEXT    NOT NULL,
    place                   TEXT,
    description             TEXT    NOT NULL,
    claimed_points          INTEGER NOT NULL CHECK (claimed_points BETWEEN 0 AND 1000),
    status                  TEXT    NOT NULL DEFAULT 'pending'
                                    CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    awarded_points          INTEGER,
    decided_by              INTEGER REFERENCES members (id),
    decided_at              TEXT,
    decision_note           TEXT,
    member_note             TEXT,
    source_channel_id       TEXT    NOT NULL,
    source_conversation_id  TEXT    NOT NULL,
    source_activity_id      TEXT    NOT NULL,
    created_at              TEXT    NOT NULL,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK (status <> 'approved' OR awarded_points BETWEEN 0 AND 1000),
    -- A redelivered activity must not create a second claim.
    UNIQUE (source_channel_id, source_conversation_id, source_activity_id)
);
CREATE INDEX ix_claims_unit_status ON claims (unit_id, status, created_at);
CREATE INDEX ix_claims_member ON claims (member_id, status, occurred_on);

CREATE TABLE claim_attachments (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims (id),
    content_type  TEXT    NOT NULL,
    content_url   TEXT,
    name          TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_claim_attachments_claim ON claim_attachments (claim_id);

CREATE TABLE service_tasks (
    id                INTEGER PRIMARY KEY,
    unit_id           INTEGER NOT NULL REFERENCES org_units (id),
    title             TEXT    NOT NULL,
    place             TEXT,
    starts_at         TEXT    NOT NULL,
    points_each       INTEGER NOT NULL CHECK (points_each BETWEEN 0 AND 1000),
    places            INTEGER CHECK (places IS NULL OR places > 0),
    status            TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
    created_by        INTEGER NOT NULL REFERENCES members (id),
    created_at        TEXT    NOT NULL,
    closed_by         INTEGER REFERENCES members (id),
    closed_at         TEXT
);
CREATE INDEX ix_service_tasks_unit ON service_tasks (unit_id, status);

CREATE TABLE task_signups (
    task_id       INTEGER NOT NULL REFERENCES service_tasks (id),
    member_id     INTEGER NOT NULL REFERENCES members (id),
    signed_up_at  TEXT    NOT NULL,
    attended      INTEGER,
    PRIMARY KEY (task_id, member_id)
) WITHOUT ROWID;

-- Append-only: a correction is a new entry that reverses an old one (triggers below).
-- Points are signed so that a total is a plain SUM: deductions negative, base and bonus not.
-- Reversals and adjustments count in the part (base / bonus / deduction) of the entry they refer to.
CREATE TABLE ledger_entries (
    id                 INTEGER PRIMARY KEY,
    member_id          INTEGER NOT NULL REFERENCES members (id),
    unit_id            INTEGER NOT NULL REFERENCES org_units (id),
    cycle_id           INTEGER NOT NULL REFERENCES cycles (id),
    quarter            INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    kind               TEXT    NOT NULL CHECK (kind IN ('base', 'bonus', 'deduction', 'adjustment', 'reversal')),
    points             INTEGER NOT NULL CHECK (points BETWEEN -100000 AND 100000),
    rule_id            INTEGER REFERENCES point_rules (id),
    claim_id           INTEGER REFERENCES claims (id),
    task_id            INTEGER REFERENCES service_tasks (id),
    reverses_entry_id  INTEGER REFERENCES ledger_entries (id),
    occurred_on        TEXT    NOT NULL,
    reason             TEXT,
    recorded_by        INTEGER REFERENCES members (id),
    recorded_at        TEXT    NOT NULL,
    -- The activity that asked for an entry no other key protects (a deduction), so that a
    -- redelivered command deducts once.
    source_channel_id       TEXT,
    source_conversation_id  TEXT,
    source_activity_id      TEXT,
    CHECK (CASE kind
               WHEN 'deduction' THEN points < 0
               WHEN 'base' THEN points >= 0
               WHEN 'bonus' THEN points >= 0
               ELSE 1
           END),
    CHECK (kind <> 'reversal' OR reverses_entry_id IS NOT NULL)
);
-- Covering indexes: a member's total, a branch's ranking and notice, a day's entries.
CREATE INDEX ix_ledger_member_cycle ON ledger_entries (member_id, cycle_id, quarter, kind, points, reverses_entry_id);
CREATE INDEX ix_ledger_unit_cycle ON ledger_entries (unit_id, cycle_id, quarter, member_id, kind, points, reverses_entry_id);
CREATE INDEX ix_ledger_recorded ON ledger_entries (unit_id, recorded_at);
-- One award per claim and per task participant, whatever races or redeliveries happen.
CREATE UNIQUE INDEX ux_ledger_claim ON ledger_entries (claim_id) WHERE claim_id IS NOT NULL AND kind = 'bonus';
CREATE UNIQUE INDEX ux_ledger_task ON ledger_entries (task_id, member_id) WHERE task_id IS NOT NULL AND kind = 'bonus';
CREATE UNIQUE INDEX ux_ledger_base ON ledger_entries (member_id, cycle_id) WHERE kind = 'base';
CREATE UNIQUE INDEX ux_ledger_reverses ON ledger_entries (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL;
CREATE UNIQUE INDEX ux_ledger_source ON ledger_entries (source_channel_id, source_conversation_id, source_activity_id)
    WHERE source_activity_id IS NOT NULL;

CREATE TRIGGER tr_ledger_no_update BEFORE UPDATE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only: record a reversing entry instead');
END;
CREATE TRIGGER tr_ledger_no_delete BEFORE DELETE ON ledger_entries
BEGIN
    SELECT RAISE(ABORT, 'ledger_entries is append-only: record a reversing entry instead');
END;

CREATE TABLE join_codes (
    code        TEXT    PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES org_units (id),
    created_by  INTEGER REFERENCES members (id),
    created_at  TEXT    NOT NULL,
    expires_at  TEXT,
    max_uses    INTEGER CHECK (max_uses IS NULL OR max_uses > 0),
    uses        INTEGER NOT NULL DEFAULT 0,
    revoked_at  TEXT
) WITHOUT ROWID;
CREATE INDEX ix_join_codes_unit ON join_codes (unit_id);

-- Where to reach a conversation later. `verified` marks a serviceUrl that arrived on an
-- authenticated activity (or from CreateConversation); only those are called proactively.
CREATE TABLE conversation_references (
    channel_id         TEXT    NOT NULL,
    conversation_id    TEXT    NOT NULL,
    service_url        TEXT    NOT NULL,
    bot_id             TEXT    NOT NULL,
    bot_name           TEXT,
    user_id            TEXT,
    user_name          TEXT,
    tenant_id          TEXT,
    conversation_type  TEXT,
    is_group           INTEGER NOT NULL DEFAULT 0,
    locale             TEXT,
    verified           INTEGER NOT NULL DEFAULT 0,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (channel_id, conversation_id)
) WITHOUT ROWID;
CREATE INDEX ix_conversation_references_user ON conversation_references (channel_id, user_id, is_group);

CREATE TABLE group_subscriptions (
    channel_id       TEXT    NOT NULL,
    conversation_id  TEXT    NOT NULL,
    unit_id          INTEGER NOT NULL REFERENCES org_units (id),
    subscribed_by    INTEGER REFERENCES members (id),
    subscribed_at    TEXT    NOT NULL,
    unsubscribed_at  TEXT,
    PRIMARY KEY (channel_id, conversation_id),
    FOREIGN KEY (channel_id, conversation_id) REFERENCES conversation_references (channel_id, conversation_id)
) WITHOUT ROWID;
CREATE INDEX ix_group_subscriptions_unit ON group_subscriptions (unit_id);

CREATE TABLE dialog_states (
    channel_id          TEXT    NOT NULL,
    conversation_id     TEXT    NOT NULL,
    user_id             TEXT    NOT NULL,
    state_json          TEXT    NOT NULL,
    dialog_set_version  TEXT    NOT NULL,
    -- Optimistic concurrency: a save must name the version it read.
    version             INTEGER NOT NULL,
    last_access_at      TEXT    NOT NULL,
    PRIMARY KEY (channel_id, conversation_id, user_id)
) WITHOUT ROWID;
CREATE INDEX ix_dialog_states_last_access ON dialog_states (last_access_at);

CREATE TABLE processed_activities (
    channel_id       TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    activity_id      TEXT NOT NULL,
    processed_at     TEXT NOT NULL,
    PRIMARY KEY (channel_id, conversation_id, activity_id)
) WITHOUT ROWID;
CREATE INDEX ix_processed_activities_at ON processed_activities (processed_at);

CREATE TABLE digest_runs (
    id               INTEGER PRIMARY KEY,
    channel_id       TEXT    NOT NULL,
    conversation_id  TEXT    NOT NULL,
    unit_id          INTEGER NOT NULL REFERENCES org_units (id),
    local_date       TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped', 'failed')),
    claimed_by       TEXT    NOT NULL,
    claimed_at       TEXT    NOT NULL,
    finished_at      TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    is_late          INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    -- Exactly one digest per group per local day, whichever instance claims it first.
    UNIQUE (channel_id, conversation_id, local_date)
);

CREATE TABLE quarter_signoffs (
    unit_id    INTEGER NOT NULL REFERENCES org_units (id),
    year       INTEGER NOT NULL,
    quarter    INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    signed_by  INTEGER NOT NULL REFERENCES members (id),
    signed_at  TEXT    NOT NULL,
    PRIMARY KEY (unit_id, year, quarter)
) WITHOUT ROWID;

-- Who did what, with the values before and after (reviews, deductions, role changes).
CREATE TABLE audit_log (
    id             INTEGER PRIMARY KEY,
    at             TEXT    NOT NULL,
    actor_id       INTEGER REFERENCES members (id),
    action         TEXT    NOT NULL,
    subject_type   TEXT    NOT NULL,
    subject_id     TEXT    NOT NULL,
    before_json    TEXT,
    after_json     TEXT
);
CREATE INDEX ix_audit_log_subject ON audit_log (subject_type, subject_id);

-- Small installation-wide values (generated secrets, first-start markers).
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
