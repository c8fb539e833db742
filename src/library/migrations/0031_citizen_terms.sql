-- Citizen vocabulary added by editors (issue 14), beside the curated list compiled into the
-- program (content/thesaurus/citizen-terms.tsv): an everyday word or phrase and the legal terms
-- it stands for, which search adds to questions that use it.
CREATE TABLE citizen_terms (
  id INTEGER PRIMARY KEY,
  phrase TEXT NOT NULL,                -- as the editor wrote it: "xe ôm công nghệ"
  phrase_key TEXT NOT NULL UNIQUE,     -- folded: "xe om cong nghe"
  terms TEXT NOT NULL,                 -- the legal terms, separated by "; "
  added_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
);
