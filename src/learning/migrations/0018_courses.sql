-- Courses (khóa học): lessons in order (text, a library article, a PDF or a video link, a quiz
-- drawn from the question bank), for citizens (public) or for PBGDPL staff, who may be assigned
-- by unit. People enrol with their account and a unit; progress is kept per lesson; a finished
-- course is recorded with its certificate.
CREATE TABLE courses (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);

-- The units whose staff a staff course is assigned to (none: open to all staff).
CREATE TABLE course_units (
  course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  PRIMARY KEY (course_id, unit_code)
);

CREATE TABLE course_lessons (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '',
  document_id INTEGER REFERENCES legal_documents(id),
  article TEXT NOT NULL DEFAULT '',
  quiz_count INTEGER NOT NULL DEFAULT 0,
  quiz_tag TEXT NOT NULL DEFAULT '',
  quiz_law TEXT NOT NULL DEFAULT '',
  pass_percent INTEGER NOT NULL DEFAULT 0,
  UNIQUE (course_id, position)
);

CREATE TABLE enrolments (
  id INTEGER PRIMARY KEY,
  course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  enrolled_at INTEGER NOT NULL,
  completed_at INTEGER,
  UNIQUE (course_id, user_id)
);
CREATE INDEX enrolments_by_user ON enrolments (user_id);

-- A lesson done (a quiz: passed), with the quiz's best score in percent.
CREATE TABLE lesson_progress (
  enrolment_id INTEGER NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  lesson_id INTEGER NOT NULL REFERENCES course_lessons(id) ON DELETE CASCADE,
  completed_at INTEGER NOT NULL,
  score_percent INTEGER,
  PRIMARY KEY (enrolment_id, lesson_id)
);

-- The questions a learner's quiz drew, in order; drawn again for another try.
CREATE TABLE quiz_questions (
  enrolment_id INTEGER NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
  lesson_id INTEGER NOT NULL REFERENCES course_lessons(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question_id INTEGER NOT NULL REFERENCES bank_questions(id),
  PRIMARY KEY (enrolment_id, lesson_id, position)
);

-- A finished course's certificate (contest attempts have theirs by attempt_id).
ALTER TABLE certificates ADD COLUMN enrolment_id INTEGER REFERENCES enrolments(id) ON DELETE CASCADE;
CREATE UNIQUE INDEX certificates_by_enrolment ON certificates (enrolment_id);

-- The back office asks whether a bank question was ever drawn into a contest attempt (then it
-- cannot be edited): without this index the question is looked for in every attempt's rows. Its
-- second column matters: saving an answer looks up (attempt, question), and an index on the
-- question alone would tempt SQLite's planner into scanning every attempt of that question.
CREATE INDEX attempt_questions_by_question ON attempt_questions (question_id, attempt_id);
