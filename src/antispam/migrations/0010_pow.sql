-- Proof-of-work challenges already used for a question (src/antispam/proof_of_work.h). Challenges
-- are stateless and signed, so only spent ones are stored, until they expire (then verify
-- refuses them anyway and purge_spent deletes the row). The key is SHA-256 of the challenge.
CREATE TABLE pow_spent (
  challenge_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX pow_spent_expires ON pow_spent(expires_at);
