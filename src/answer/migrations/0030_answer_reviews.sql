-- Where automated answers fall short (issue 14): answers handed off, unsure or asking to clarify,
-- and the askers' "Câu trả lời có giúp ích không?". The question is stored masked of personal data
-- (text::mask_personal_data); no account, address, contact or conversation is kept with it.
CREATE TABLE answer_reviews (
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,             -- masked
  words TEXT NOT NULL,                -- its folded content words, sorted, space-separated: groups similar questions
  document_id INTEGER REFERENCES legal_documents(id) ON DELETE SET NULL,  -- the first citation's
  article TEXT NOT NULL DEFAULT '',
  confidence INTEGER NOT NULL,        -- per mille (0–1000)
  outcome TEXT NOT NULL,              -- answered | unsure | handoff | clarify
  helpful INTEGER,                    -- 1 yes, 0 no; NULL: recorded without the asker's opinion
  reason TEXT NOT NULL DEFAULT '',    -- for a no: wrong_law | out_of_date | not_understandable | other
  month TEXT NOT NULL,                -- "2026-12", Vietnam time
  created_at INTEGER NOT NULL
);
CREATE INDEX answer_reviews_month ON answer_reviews(month);
