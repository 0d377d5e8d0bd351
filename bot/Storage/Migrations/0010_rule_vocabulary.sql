-- Understanding reports (issue 15).

-- Each rule's lexicon from the rules file: {"actions": [...], "objects": [...], "beneficiaries": [...]}.
ALTER TABLE point_rules ADD COLUMN lexicon TEXT NOT NULL DEFAULT '{}';

-- A claim's time is as precise as the member was: occurred_at is always the right UTC instant
-- of the member's wall clock, but when time_known is 0 only its day (and day_part, if said) is
-- meant, so nobody reads a made-up hour into it. Claims made before keep showing their time.
ALTER TABLE claims ADD COLUMN day_part TEXT CHECK (day_part IN ('morning', 'noon', 'afternoon', 'evening', 'night'));
ALTER TABLE claims ADD COLUMN time_known INTEGER NOT NULL DEFAULT 1 CHECK (time_known IN (0, 1));

-- Words a branch uses for a rule, learned when a member picked the rule after being asked.
-- They count as evidence only while their claim is approved under that rule, and only in that
-- branch. An administrator lists and removes them (学习词 / forget-word).
CREATE TABLE learned_words (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES org_units (id),
    rule_id     INTEGER NOT NULL REFERENCES point_rules (id),
    word        TEXT    NOT NULL CHECK (length(word) BETWEEN 1 AND 40),
    claim_id    INTEGER NOT NULL REFERENCES claims (id),
    created_at  TEXT    NOT NULL,
    UNIQUE (claim_id, rule_id, word)
);
CREATE INDEX ix_learned_words_unit ON learned_words (unit_id, word);
