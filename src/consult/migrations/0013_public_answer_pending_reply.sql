-- The published copy of the expert's answer: checked for personal data and edited by the
-- moderator, like public_title and public_body. Questions published before keep the answer they
-- were published with.
ALTER TABLE questions ADD COLUMN public_answer TEXT NOT NULL DEFAULT '';
UPDATE questions SET public_answer = answer WHERE public_slug IS NOT NULL;
-- A reply to a follow-up, written by an expert whose answers need review, waiting for a moderator
-- (status 'answered'); it joins the thread when approved.
ALTER TABLE questions ADD COLUMN pending_reply TEXT NOT NULL DEFAULT '';
