-- Questions the automated answering service was not sure about, handed to human experts with
-- the candidate articles it found (the consultation queue takes them over).
CREATE TABLE answer_handoffs (
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,
  candidates TEXT NOT NULL,        -- JSON: [{"document_id", "article", "document_title", "url", "score"}]
  conversation_id TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  created_at INTEGER NOT NULL
);
CREATE INDEX answer_handoffs_status ON answer_handoffs(status, created_at);
