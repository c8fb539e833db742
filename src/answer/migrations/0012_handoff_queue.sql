-- The answering service's hand-offs become a durable queue (db::DurableQueue), like the chat and
-- mail outboxes: a worker claims a row by counting an attempt and moving next_attempt_at to the
-- end of a lease, and turns it into a consultation question in the transaction that marks it
-- 'taken' (statuses: new → taken | failed). Rows written before this migration are due at once.
ALTER TABLE answer_handoffs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_handoffs ADD COLUMN next_attempt_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer_handoffs ADD COLUMN last_error TEXT;
DROP INDEX answer_handoffs_status;
CREATE INDEX answer_handoffs_due ON answer_handoffs(status, next_attempt_at);
