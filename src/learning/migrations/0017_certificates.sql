-- Certificates: their text is written when issued and never changes. One per contest attempt
-- (courses will add their own column); the code is what anyone checks on /chung-nhan.
CREATE TABLE certificates (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  attempt_id INTEGER UNIQUE REFERENCES contest_attempts(id) ON DELETE CASCADE,
  holder_name TEXT NOT NULL,
  holder_detail TEXT NOT NULL,
  title TEXT NOT NULL,
  achievement TEXT NOT NULL,
  subject_url TEXT NOT NULL,
  issued_at INTEGER NOT NULL
);
