-- Tokens of machine clients (a ministry's system reading approved figures): sent as
-- "Authorization: Bearer …". Only the SHA-256 of a token is stored; it is shown once, when made.
-- `unit_code` is the unit whose data the token reads by default; `scope` what it may do.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  unit_code TEXT NOT NULL,
  scope TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
