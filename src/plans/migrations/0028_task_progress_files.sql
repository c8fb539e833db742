-- Files attached to a progress report as evidence (a scanned report, photos of an event), kept in
-- <uploads>/plans under a random name (core/file_store.h); the report's rows say which are whose.
CREATE TABLE task_progress_files (
  id INTEGER PRIMARY KEY,
  progress_id INTEGER NOT NULL REFERENCES task_progress(id) ON DELETE CASCADE,
  display_name TEXT NOT NULL,
  stored_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX task_progress_files_progress ON task_progress_files(progress_id);
