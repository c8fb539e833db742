-- Turns of conversations with the answering service, so that a follow-up question ("còn nếu
-- người đó dưới 18 tuổi thì sao?") is understood with the earlier ones. Questions may hold
-- personal data: turns older than the configured retention are deleted.
CREATE TABLE answer_turns (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  context TEXT NOT NULL,           -- what was searched: the question, with the earlier turns' for a follow-up
  created_at INTEGER NOT NULL
);
CREATE INDEX answer_turns_conversation ON answer_turns(conversation_id, id);
CREATE INDEX answer_turns_created ON answer_turns(created_at);
