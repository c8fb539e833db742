-- The electronic legal bookshelf: documents (and other bookshelf items), their structure tree,
-- and relations between documents found in their text.
CREATE TABLE legal_documents (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,        -- normalised số hiệu, or "source:<source id>" when there is none
  slug TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,                   -- document, book, outline, leaflet, situation
  number TEXT NOT NULL DEFAULT '',      -- số hiệu as written, e.g. 100/2019/NĐ-CP
  title TEXT NOT NULL,
  doc_type TEXT NOT NULL DEFAULT '',    -- Luật, Nghị định, ... as written
  doc_type_slug TEXT NOT NULL DEFAULT '',
  issuer TEXT NOT NULL DEFAULT '',
  signer TEXT NOT NULL DEFAULT '',
  issued_on TEXT NOT NULL DEFAULT '',   -- ISO date
  effective_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',      -- còn hiệu lực / hết hiệu lực một phần / hết hiệu lực / ''
  status_slug TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '',       -- lĩnh vực, separated by "; "
  summary TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',        -- full text when the document has no articles
  source_format TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_id TEXT NOT NULL,              -- the document id as in the imported file
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX legal_documents_type ON legal_documents(doc_type_slug);
CREATE INDEX legal_documents_status ON legal_documents(status_slug);

CREATE TABLE legal_nodes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES legal_nodes(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                   -- phan, chuong, muc, dieu, khoan, diem
  number TEXT NOT NULL,                 -- "I", "3", "32", "2", "a"
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',        -- for dieu: the whole article (clauses included); for khoan/diem: its own text
  anchor TEXT NOT NULL,                 -- stable within the document: "dieu-32", "dieu-32-khoan-2", "chuong-iii"
  position INTEGER NOT NULL,
  source_ref TEXT NOT NULL DEFAULT ''   -- article id exactly as in the imported file
);
CREATE INDEX legal_nodes_document ON legal_nodes(document_id, position);
CREATE INDEX legal_nodes_anchor ON legal_nodes(document_id, anchor);
CREATE INDEX legal_nodes_parent ON legal_nodes(parent_id);  -- cascading deletes of a re-imported document

CREATE TABLE legal_relations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                   -- amends, replaces, guides, cites
  target_identity TEXT NOT NULL,        -- normalised số hiệu of the other document
  target_number TEXT NOT NULL,
  UNIQUE (document_id, kind, target_identity)
);
CREATE INDEX legal_relations_target ON legal_relations(target_identity);

CREATE TABLE library_files (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,              -- stored name under uploads/library/
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
