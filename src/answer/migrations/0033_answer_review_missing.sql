-- Where automated answers fall short because the library lacks the law (issue 14): the documents
-- the question named and the laws its subject belongs to that the library did not hold when it
-- was asked ("Luật Doanh nghiệp; Luật Hộ tịch"), so editors see which texts to import.
ALTER TABLE answer_reviews ADD COLUMN missing TEXT NOT NULL DEFAULT '';
