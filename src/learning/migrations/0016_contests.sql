-- Online contests on legal knowledge (thi tìm hiểu pháp luật trực tuyến). A contest has one or
-- more rounds (vòng thi, e.g. weekly); an attempt belongs to the round open when it started.
-- Times are Unix seconds, except the attempts' own clock, in milliseconds (the ranking's "time
-- taken" needs them).
CREATE TABLE contests (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  questions_per_attempt INTEGER NOT NULL,
  time_limit_seconds INTEGER NOT NULL,
  attempts_per_round INTEGER NOT NULL DEFAULT 1,
  -- The tie-break question (câu hỏi dự đoán); '' when the contest has none.
  prediction_question TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published',
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE contest_rounds (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  opens_at INTEGER NOT NULL,
  closes_at INTEGER NOT NULL,
  UNIQUE (contest_id, number)
);

-- How an attempt's questions are drawn: `count` published bank questions matching every
-- condition given ('' or 0: any): a tag, a law, a kind, a difficulty.
CREATE TABLE contest_quotas (
  contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL DEFAULT '',
  law TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',
  difficulty INTEGER NOT NULL DEFAULT 0,
  count INTEGER NOT NULL,
  PRIMARY KEY (contest_id, position)
);

-- One entry per person and contest: identity_hash is a keyed hash (HMAC with the site secret)
-- of the normalised phone or citizen ID number, which is stored only masked. token_hash is the
-- SHA-256 of the participant's bearer token.
CREATE TABLE contest_participants (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  birth_year INTEGER NOT NULL,
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  identity_kind TEXT NOT NULL,
  identity_hash TEXT NOT NULL,
  identity_masked TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  UNIQUE (contest_id, identity_hash)
);

-- status: 'open' (being taken), 'submitted', 'expired' (the deadline passed; scored as saved).
-- number counts a participant's attempts in a round: the unique key enforces the limit even
-- when two starts race.
CREATE TABLE contest_attempts (
  id INTEGER PRIMARY KEY,
  participant_id INTEGER NOT NULL REFERENCES contest_participants(id) ON DELETE CASCADE,
  round_id INTEGER NOT NULL REFERENCES contest_rounds(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  started_ms INTEGER NOT NULL,
  deadline_ms INTEGER NOT NULL,
  finished_ms INTEGER,
  prediction INTEGER,
  correct INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  time_ms INTEGER
);
CREATE UNIQUE INDEX contest_attempts_by_participant ON contest_attempts (participant_id, round_id, number);
CREATE INDEX contest_attempts_by_round ON contest_attempts (round_id, status, correct);
-- Partial: the duty that expires overdue attempts reads only the open ones, and a participant's
-- own attempts are found through contest_attempts_by_participant, never by status.
CREATE INDEX contest_attempts_open ON contest_attempts (deadline_ms) WHERE status = 'open';

-- An attempt's questions in the order shown, and the answer saved for each ('' before one is):
-- choice labels in order, joined by ','.
CREATE TABLE attempt_questions (
  attempt_id INTEGER NOT NULL REFERENCES contest_attempts(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question_id INTEGER NOT NULL REFERENCES bank_questions(id),
  answer TEXT NOT NULL DEFAULT '',
  answered_ms INTEGER,
  PRIMARY KEY (attempt_id, position)
);
