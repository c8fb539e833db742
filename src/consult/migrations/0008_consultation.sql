-- Online legal consultation (tư vấn pháp luật trực tuyến): citizens' questions, the experts who
-- answer them, and the legal fields (lĩnh vực) shared with the library and the statistics.

-- The one list of legal fields. answer_days is the deadline for an answer in that field.
CREATE TABLE legal_fields (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  answer_days INTEGER NOT NULL DEFAULT 10,
  position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO legal_fields (slug, name, answer_days, position) VALUES
  ('dan-su', 'Dân sự', 10, 1),
  ('hinh-su', 'Hình sự', 7, 2),
  ('dat-dai', 'Đất đai', 10, 3),
  ('hon-nhan-gia-dinh', 'Hôn nhân và gia đình', 10, 4),
  ('lao-dong', 'Lao động', 10, 5),
  ('bao-hiem-xa-hoi', 'Bảo hiểm xã hội', 10, 6),
  ('hanh-chinh', 'Hành chính', 10, 7),
  ('giao-thong', 'Giao thông', 7, 8),
  ('thue-tai-chinh', 'Thuế, tài chính', 10, 9),
  ('doanh-nghiep-thuong-mai', 'Doanh nghiệp, thương mại', 10, 10),
  ('cu-tru-ho-tich', 'Cư trú, hộ tịch', 7, 11),
  ('to-tung', 'Tố tụng', 10, 12),
  ('phong-chong-ma-tuy', 'Phòng, chống ma túy', 7, 13),
  ('moi-truong', 'Tài nguyên, môi trường', 10, 14),
  ('khac', 'Lĩnh vực khác', 15, 99);

-- Lawyers, jurists (luật gia) and legal aid officers. An admin verifies an expert before the
-- expert may answer; capacity is how many open questions the expert takes at once.
CREATE TABLE experts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  full_name TEXT NOT NULL,
  organisation TEXT NOT NULL DEFAULT '',
  credential TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  photo TEXT,
  available INTEGER NOT NULL DEFAULT 1,
  capacity INTEGER NOT NULL DEFAULT 5,
  review_required INTEGER NOT NULL DEFAULT 0,
  verified_at INTEGER,
  verified_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE expert_fields (
  expert_id INTEGER NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
  field_slug TEXT NOT NULL REFERENCES legal_fields(slug),
  PRIMARY KEY (expert_id, field_slug)
);

-- A citizen's question. The secret token that opens it is stored hashed; contact details are
-- erased when the retention period ends. public_* hold the anonymised text once published.
CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  field_slug TEXT REFERENCES legal_fields(slug),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  asker_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  publish_consent INTEGER NOT NULL DEFAULT 0,
  consented_at INTEGER NOT NULL,
  source TEXT NOT NULL DEFAULT 'form',
  status TEXT NOT NULL,
  status_reason TEXT NOT NULL DEFAULT '',
  merged_into INTEGER REFERENCES questions(id) ON DELETE SET NULL,
  expert_id INTEGER REFERENCES experts(id) ON DELETE SET NULL,
  answer TEXT NOT NULL DEFAULT '',
  rating INTEGER,
  public_title TEXT NOT NULL DEFAULT '',
  public_body TEXT NOT NULL DEFAULT '',
  public_slug TEXT UNIQUE,
  due_at INTEGER,
  reminded_at INTEGER,
  escalated_at INTEGER,
  assigned_at INTEGER,
  answered_at INTEGER,
  delivered_at INTEGER,
  published_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX questions_status ON questions(status, created_at);
CREATE INDEX questions_expert ON questions(expert_id, status);
CREATE INDEX questions_field ON questions(field_slug, status);

-- Articles cited by the answer (kind 'answer'), or found by the answering service for a
-- handed-off question (kind 'candidate'). Every row names an article that exists.
CREATE TABLE question_citations (
  id INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  article TEXT NOT NULL,
  clause TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX question_citations_question ON question_citations(question_id, kind, position);
CREATE INDEX question_citations_article ON question_citations(document_id, article);

-- Follow-up questions and their replies, after the first answer.
CREATE TABLE question_messages (
  id INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX question_messages_question ON question_messages(question_id, id);

-- Attachments, stored under uploads/consult with a random name after metadata was stripped.
CREATE TABLE question_attachments (
  id INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX question_attachments_question ON question_attachments(question_id);

-- The question's timeline: who moved it, when, and why.
CREATE TABLE question_events (
  id INTEGER PRIMARY KEY,
  question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX question_events_question ON question_events(question_id, id);
