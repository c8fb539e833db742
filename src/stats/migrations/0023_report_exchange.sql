-- Sending approved PBGDPL reports upwards, and receiving them (stats/exchange.h).

-- The sending side: a durable queue (db::DurableQueue; waiting → sent | failed, the lease alone
-- marks a claim). A row freezes the exchange document when it is queued, so every retry sends
-- the same bytes and the receiver can tell a repeat (same report_key and revision) from a
-- correction. No personal data.
CREATE TABLE report_dispatches (
  id INTEGER PRIMARY KEY,
  period_code TEXT NOT NULL,
  report_key TEXT NOT NULL,
  revision TEXT NOT NULL,
  document TEXT NOT NULL,             -- the exchange JSON, as sent
  requested_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  on_lock INTEGER NOT NULL DEFAULT 0,  -- 1: queued by locking the period, 0: sent by hand
  status TEXT NOT NULL DEFAULT 'waiting',  -- waiting | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,   -- while a worker holds the row: when its lease lapses
  last_error TEXT,
  receipt TEXT,                       -- what the receiver said it did: created | replaced | unchanged
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX report_dispatches_due ON report_dispatches(status, next_attempt_at);
CREATE INDEX report_dispatches_period ON report_dispatches(period_code, created_at);

-- The receiving side (a ministry's or the national installation): one row per report_key, so a
-- report that arrives twice is counted once and a corrected one replaces the earlier revision.
-- Only a province's report of itself is accepted (unit = province), so the totals of a period
-- add up provinces, each once.
CREATE TABLE received_reports (
  id INTEGER PRIMARY KEY,
  report_key TEXT NOT NULL UNIQUE,
  province TEXT NOT NULL,
  province_name TEXT NOT NULL,
  period_code TEXT NOT NULL,
  period_name TEXT NOT NULL,
  revision TEXT NOT NULL,
  document TEXT NOT NULL,
  token_id INTEGER NOT NULL REFERENCES api_tokens(id),
  deliveries INTEGER NOT NULL DEFAULT 1,   -- how many times it arrived, repeats included
  received_at INTEGER NOT NULL,            -- first arrival
  updated_at INTEGER NOT NULL              -- the current revision's arrival
);
CREATE INDEX received_reports_period ON received_reports(period_code, province);

CREATE TABLE received_figures (
  report_id INTEGER NOT NULL REFERENCES received_reports(id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL,
  indicator_name TEXT NOT NULL,
  position INTEGER NOT NULL,          -- the indicator's place in the document
  value INTEGER NOT NULL,
  PRIMARY KEY (report_id, indicator_code)
);
