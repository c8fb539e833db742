-- Questions that arrive through chat channels (Facebook Messenger, Zalo OA) and the replies the
-- answering service sends back. The outbox is a durable queue: a reply survives restarts and is
-- retried with backoff; several nodes share it by claiming rows with a guarded UPDATE.
-- Both tables hold personal data and are purged after PHOBIEN_MESSAGE_RETENTION_DAYS.
CREATE TABLE messaging_inbound (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,            -- 'messenger' | 'zalo'
  sender_id TEXT NOT NULL,          -- the platform's page- or app-scoped user id
  platform_message_id TEXT,         -- mid / msg_id: a redelivered webhook is stored once
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX messaging_inbound_platform_id ON messaging_inbound(channel, platform_message_id);
CREATE INDEX messaging_inbound_created ON messaging_inbound(created_at);

CREATE TABLE messaging_outbox (
  id INTEGER PRIMARY KEY,
  inbound_id INTEGER REFERENCES messaging_inbound(id) ON DELETE SET NULL,
  channel TEXT NOT NULL,
  recipient_id TEXT NOT NULL,
  text TEXT,                        -- NULL until the answer is composed (on the first attempt)
  status TEXT NOT NULL DEFAULT 'pending',  -- pending | sending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL, -- for 'sending': when the claim lapses (a crashed worker)
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX messaging_outbox_due ON messaging_outbox(status, next_attempt_at);
CREATE INDEX messaging_outbox_created ON messaging_outbox(created_at);
