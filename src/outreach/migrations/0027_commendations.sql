-- Commendations (khen thưởng, tôn vinh) of units and of the people of the registry for their PBGDPL
-- work: proposed by the units, decided by the province (awarded with the decision's number, or
-- declined with the reason), and listed with the activity figures of the period they cover.
CREATE TABLE commendations (
  id INTEGER PRIMARY KEY,
  nominee_kind TEXT NOT NULL,          -- unit | person
  unit_code TEXT NOT NULL REFERENCES admin_units(code),  -- the unit, or the person's unit
  reporter_id INTEGER REFERENCES legal_reporters(id),     -- the person, for nominee_kind person
  award TEXT NOT NULL,                 -- "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Giám đốc Sở Tư pháp"
  reason TEXT NOT NULL,
  from_date TEXT NOT NULL,             -- the period of the achievements, "YYYY-MM-DD", inclusive
  to_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'proposed',  -- proposed | awarded | declined
  proposed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  proposed_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  decided_at INTEGER,
  decision_number TEXT NOT NULL DEFAULT '',
  decision_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX commendations_status ON commendations(status, proposed_at);
