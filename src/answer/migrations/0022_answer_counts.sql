-- How many answers the automated answering service gave each day (Vietnam time), in conversations
-- (the chat panel, the form, the API, Messenger, Zalo): a figure of the PBGDPL reports. No
-- question text and no personal data; kept when the conversations themselves are deleted.
CREATE TABLE answer_counts (
  day TEXT PRIMARY KEY,          -- "2026-12-06"
  answers INTEGER NOT NULL
);
