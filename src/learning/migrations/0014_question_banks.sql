-- Question banks (ngân hàng câu hỏi) for online contests on legal knowledge and for course
-- quizzes. kind: 'single' (one right choice), 'multiple' (one or more right choices),
-- 'true_false' (the choices Đúng and Sai). status follows posts: draft → pending → published, or
-- returned with a note. source_ref names where an imported question came from
-- ("alqac-dev-questions#train_alqac25_3"), so importing a file again adds nothing twice.
CREATE TABLE bank_questions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  explanation TEXT NOT NULL DEFAULT '',
  field_slug TEXT REFERENCES legal_fields(slug),
  law TEXT NOT NULL DEFAULT '',
  difficulty INTEGER NOT NULL DEFAULT 2,
  tags TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft',
  review_note TEXT NOT NULL DEFAULT '',
  source_ref TEXT UNIQUE,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX bank_questions_by_status ON bank_questions (status, field_slug);

-- A question's choices in order: labels "A", "B", ... or "Đúng" and "Sai".
CREATE TABLE bank_choices (
  question_id INTEGER NOT NULL REFERENCES bank_questions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  text TEXT NOT NULL,
  correct INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (question_id, position)
);

-- The library articles a question rests on.
CREATE TABLE bank_question_articles (
  question_id INTEGER NOT NULL REFERENCES bank_questions(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  article TEXT NOT NULL,
  clause TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (question_id, document_id, article, clause)
);
