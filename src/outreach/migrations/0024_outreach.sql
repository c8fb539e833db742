-- The province's PBGDPL staff and what they do (outreach/): the registry of legal reporters and
-- propagandists (báo cáo viên, tuyên truyền viên pháp luật) with the trainings they attended, and
-- the dissemination activities (hội nghị, buổi tuyên truyền, lớp tập huấn, Ngày Pháp luật) with
-- the people who led them. Activities and the registry feed the PBGDPL reports.
CREATE TABLE legal_reporters (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  name_folded TEXT NOT NULL,           -- lower case without diacritics, for search
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  kind TEXT NOT NULL,                  -- reporter (báo cáo viên) | propagandist (tuyên truyền viên)
  level TEXT NOT NULL,                 -- central | provincial | commune (propagandists only)
  decision_number TEXT NOT NULL,       -- the recognition decision: "125/QĐ-UBND"
  decision_date TEXT NOT NULL,         -- "YYYY-MM-DD"
  fields TEXT NOT NULL DEFAULT '',     -- the fields of law they speak on
  position TEXT NOT NULL DEFAULT '',   -- job and workplace
  email TEXT NOT NULL DEFAULT '',      -- links the record to an account's courses finished here
  phone TEXT NOT NULL DEFAULT '',
  relieved_on TEXT,                    -- "YYYY-MM-DD" when relieved (miễn nhiệm); NULL: active
  relieved_reason TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX legal_reporters_unit ON legal_reporters(unit_code, kind);
CREATE INDEX legal_reporters_name ON legal_reporters(name_folded);

CREATE TABLE reporter_trainings (
  id INTEGER PRIMARY KEY,
  reporter_id INTEGER NOT NULL REFERENCES legal_reporters(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,               -- "YYYY-MM-DD"
  organiser TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX reporter_trainings_reporter ON reporter_trainings(reporter_id, held_on);

CREATE TABLE outreach_activities (
  id INTEGER PRIMARY KEY,
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  kind TEXT NOT NULL,                  -- conference | session | training | law_day | other
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,               -- "YYYY-MM-DD"
  held_at INTEGER NOT NULL,            -- held_on's start in Vietnam time (Unix seconds), for periods
  place TEXT NOT NULL,
  form TEXT NOT NULL,                  -- in_person | online | mixed
  audience TEXT NOT NULL DEFAULT '',
  participants INTEGER NOT NULL,
  materials TEXT NOT NULL DEFAULT '',
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX outreach_activities_unit ON outreach_activities(unit_code, held_at);
CREATE INDEX outreach_activities_held ON outreach_activities(held_at);

CREATE TABLE activity_leaders (
  activity_id INTEGER NOT NULL REFERENCES outreach_activities(id) ON DELETE CASCADE,
  reporter_id INTEGER NOT NULL REFERENCES legal_reporters(id),
  PRIMARY KEY (activity_id, reporter_id)
);
CREATE INDEX activity_leaders_reporter ON activity_leaders(reporter_id);

-- The seed catalogue named these sources before the module existed.
UPDATE indicators SET source_key = 'outreach.activities' WHERE source_key = 'stats.activities';
UPDATE indicators SET source_key = 'outreach.activity_participants' WHERE source_key = 'stats.activity_participants';
UPDATE indicators SET source_key = 'outreach.legal_reporters' WHERE code = 'BCV_SO' AND source_key IS NULL;
UPDATE indicators SET source_key = 'outreach.propagandists' WHERE code = 'TTV_SO' AND source_key IS NULL;
