-- Placeholder: this number belongs to another branch's step (the lead assigns 0006-0010). The
-- migrator refuses gaps, so this branch carries an empty step here; delete this file when the
-- real 0009 step is merged.
SELECT 1;
