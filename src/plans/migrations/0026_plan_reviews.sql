-- Inspections and evaluations of a plan's implementation (kiểm tra, sơ kết, tổng kết, đánh giá):
-- which unit was looked at, when, what was found, its rating and what is recommended.
CREATE TABLE plan_reviews (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                 -- inspection | interim | final | evaluation
  held_on TEXT NOT NULL,              -- "YYYY-MM-DD"
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  findings TEXT NOT NULL,
  rating TEXT NOT NULL DEFAULT '',    -- good | fair | average | poor | '' (not rated)
  recommendations TEXT NOT NULL DEFAULT '',
  recorded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX plan_reviews_plan ON plan_reviews(plan_id, held_on);
