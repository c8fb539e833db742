-- The unit an account works for (its commune, agency or the province): reporters enter that
-- unit's PBGDPL figures, approvers act on the units below it. One unit per account; an account
-- without a row belongs to no unit.
CREATE TABLE unit_members (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  assigned_at INTEGER NOT NULL
);
CREATE INDEX unit_members_by_unit ON unit_members (unit_code);
