-- Every source a document came from (one law, one document): the Civil Code imported as
-- "Bộ luật dân sự" from a corpus without số hiệu and as 91/2015/QH13 from the codes is one
-- document with two sources, so that either source's ids still name it. legal_documents.source_id
-- is the first source; this table holds it too.
CREATE TABLE legal_document_sources (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES legal_documents(id) ON DELETE CASCADE,
  source_id TEXT NOT NULL,             -- the document id as in that source's file
  source_format TEXT NOT NULL,
  source_file TEXT NOT NULL,
  UNIQUE (document_id, source_id)
);
CREATE INDEX legal_document_sources_source ON legal_document_sources(source_id);
INSERT INTO legal_document_sources (document_id, source_id, source_format, source_file)
  SELECT id, source_id, source_format, source_file FROM legal_documents;
