-- Vocabulary suggestions an editor dismissed at /quan-tri/tu-dien/goi-y (issue 14): mined from
-- answered questions, a suggestion whose phrase is here is not shown again.
CREATE TABLE citizen_term_dismissals (
  phrase_key TEXT PRIMARY KEY,         -- folded, as the thesaurus keys it: "duoi viec"
  phrase TEXT NOT NULL,                -- as it was suggested: "đuổi việc"
  dismissed_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
