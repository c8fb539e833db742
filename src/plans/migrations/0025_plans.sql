-- Plans and their follow-up (plans/): a plan (kế hoạch, e.g. one implementing a Decision of the
-- Prime Minister) assigns tasks to units with deadlines and expected outputs; units report
-- progress with evidence (a link, an activity of the log); tasks past their deadline and not done
-- stand out.
CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,          -- "1655/KH-UBND"
  title TEXT NOT NULL,
  basis TEXT NOT NULL DEFAULT '',     -- what it implements: "Quyết định 471/QĐ-TTg …"
  issued_by TEXT NOT NULL REFERENCES admin_units(code),
  issued_on TEXT NOT NULL,            -- "YYYY-MM-DD"
  created_at INTEGER NOT NULL
);

CREATE TABLE plan_tasks (
  id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  area TEXT NOT NULL DEFAULT '',      -- the plan's heading: "Cổng thông tin", "Tủ sách pháp luật", …
  title TEXT NOT NULL,
  lead_unit TEXT NOT NULL REFERENCES admin_units(code),
  partners TEXT NOT NULL DEFAULT '',  -- units that take part, as the plan names them
  deadline TEXT NOT NULL,             -- "YYYY-MM-DD"
  expected_output TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not_started',  -- not_started | in_progress | done
  updated_at INTEGER NOT NULL
);
CREATE INDEX plan_tasks_plan ON plan_tasks(plan_id, position);
CREATE INDEX plan_tasks_lead ON plan_tasks(lead_unit, status);

CREATE TABLE task_progress (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  status TEXT NOT NULL,               -- the task's status after this report
  note TEXT NOT NULL,
  evidence_url TEXT NOT NULL DEFAULT '',
  activity_id INTEGER REFERENCES outreach_activities(id) ON DELETE SET NULL,
  reported_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  reported_at INTEGER NOT NULL
);
CREATE INDEX task_progress_task ON task_progress(task_id, reported_at);
