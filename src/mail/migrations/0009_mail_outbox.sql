-- E-mail notifications (online consultation: the asker and the expert at each workflow step).
-- A durable queue: callers insert in their own transaction, so a mail exists if and only if the
-- change it reports was committed, and it survives restarts. Each node's MailWorker claims a row
-- with a guarded UPDATE that moves next_attempt_at to the end of a lease, so two nodes never send
-- the same row and a claim whose worker died lapses by itself. Rows hold personal data (address,
-- text) and are deleted after PHOBIEN_MAIL_RETENTION_DAYS.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  recipient TEXT NOT NULL,           -- bare address, checked by mail::is_valid_address
  subject TEXT NOT NULL,
  body TEXT NOT NULL,                -- UTF-8 plain text
  status TEXT NOT NULL DEFAULT 'queued',  -- queued | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,   -- while a worker holds the row: when its lease lapses
  last_error TEXT,
  created_at INTEGER NOT NULL,        -- also the Date header, so a retry sends the same message
  sent_at INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);
CREATE INDEX mail_outbox_created ON mail_outbox(created_at);
