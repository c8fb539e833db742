-- Questions imported from a Q&A archive (phobien import-qa) remember which item of which archive
-- they came from ("alqac2022-questions#q-1"), so importing the archive again adds only new items.
ALTER TABLE questions ADD COLUMN import_ref TEXT;
CREATE UNIQUE INDEX questions_import_ref ON questions(import_ref);
