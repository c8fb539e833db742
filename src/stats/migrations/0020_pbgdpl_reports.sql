-- PBGDPL reports for state management (báo cáo thống kê phổ biến, giáo dục pháp luật): the
-- catalogue of indicators, the reporting periods, and one report per unit and period with its
-- figures. Approved figures roll up the organisation tree (admin_units).

-- The catalogue, which the province's admins edit. `code` is stable (exports, the exchange
-- format); `part_of` names the total a figure is a part of ("Trong đó: …"); `source_key` a
-- figure the platform counts itself and fills in for the reporter to confirm.
CREATE TABLE indicators (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  group_name TEXT NOT NULL,
  name TEXT NOT NULL,
  measure TEXT NOT NULL,
  part_of TEXT REFERENCES indicators(code),
  source_key TEXT,
  position INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE report_periods (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,       -- "2026-H1", "2026-H2", "2026"
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,         -- "YYYY-MM-DD", inclusive
  ends_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  locked_at INTEGER                -- closed: no report of the period changes any more
);

CREATE TABLE unit_reports (
  id INTEGER PRIMARY KEY,
  period_id INTEGER NOT NULL REFERENCES report_periods(id),
  unit_code TEXT NOT NULL REFERENCES admin_units(code),
  status TEXT NOT NULL,            -- draft, submitted, approved, returned
  version INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  return_reason TEXT NOT NULL DEFAULT '',
  updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL,
  submitted_at INTEGER,
  approved_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  approved_at INTEGER,
  UNIQUE (period_id, unit_code)
);
CREATE INDEX unit_reports_by_status ON unit_reports (period_id, status);

CREATE TABLE report_figures (
  report_id INTEGER NOT NULL REFERENCES unit_reports(id) ON DELETE CASCADE,
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  value INTEGER NOT NULL,
  PRIMARY KEY (report_id, indicator_code)
);

-- The figures the justice sector reports on PBGDPL.
INSERT INTO indicators (code, group_name, name, measure, part_of, source_key, position) VALUES
  ('TT_SO_CUOC', '1. Phổ biến pháp luật trực tiếp', 'Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp', 'cuộc', NULL, 'stats.activities', 10),
  ('TT_TAP_HUAN', '1. Phổ biến pháp luật trực tiếp', 'Trong đó: hội nghị, lớp tập huấn, bồi dưỡng', 'cuộc', 'TT_SO_CUOC', NULL, 11),
  ('TT_LUOT_NGUOI', '1. Phổ biến pháp luật trực tiếp', 'Số lượt người tham dự', 'lượt người', NULL, 'stats.activity_participants', 12),
  ('THI_SO_CUOC', '2. Thi tìm hiểu pháp luật', 'Số cuộc thi tìm hiểu pháp luật', 'cuộc', NULL, NULL, 20),
  ('THI_TRUC_TUYEN', '2. Thi tìm hiểu pháp luật', 'Trong đó: cuộc thi trực tuyến', 'cuộc', 'THI_SO_CUOC', NULL, 21),
  ('THI_LUOT_NGUOI', '2. Thi tìm hiểu pháp luật', 'Số lượt người dự thi', 'lượt người', NULL, NULL, 22),
  ('TL_SO_BAN', '3. Tài liệu phổ biến, giáo dục pháp luật', 'Số bản tài liệu được phát hành', 'bản', NULL, NULL, 30),
  ('TL_SACH', '3. Tài liệu phổ biến, giáo dục pháp luật', 'Trong đó: sách pháp luật', 'bản', 'TL_SO_BAN', NULL, 31),
  ('TL_DE_CUONG', '3. Tài liệu phổ biến, giáo dục pháp luật', 'Trong đó: đề cương giới thiệu luật', 'bản', 'TL_SO_BAN', NULL, 32),
  ('TL_TO_GAP', '3. Tài liệu phổ biến, giáo dục pháp luật', 'Trong đó: tờ gấp, tờ rơi', 'bản', 'TL_SO_BAN', NULL, 33),
  ('TL_DIA', '3. Tài liệu phổ biến, giáo dục pháp luật', 'Trong đó: băng, đĩa', 'bản', 'TL_SO_BAN', NULL, 34),
  ('TS_SO_TU', '4. Tủ sách pháp luật', 'Số tủ sách pháp luật', 'tủ', NULL, NULL, 40),
  ('TS_DAU_SACH', '4. Tủ sách pháp luật', 'Số đầu sách trong tủ sách pháp luật', 'đầu sách', NULL, NULL, 41),
  ('CLB_SO', '5. Câu lạc bộ pháp luật', 'Số câu lạc bộ pháp luật', 'câu lạc bộ', NULL, NULL, 50),
  ('CLB_THANH_VIEN', '5. Câu lạc bộ pháp luật', 'Số thành viên câu lạc bộ pháp luật', 'người', NULL, NULL, 51),
  ('BCV_SO', '6. Báo cáo viên, tuyên truyền viên pháp luật', 'Số báo cáo viên pháp luật', 'người', NULL, NULL, 60),
  ('TTV_SO', '6. Báo cáo viên, tuyên truyền viên pháp luật', 'Số tuyên truyền viên pháp luật', 'người', NULL, NULL, 61),
  ('MS_TIN_BAI', '7. Phổ biến pháp luật trên môi trường số', 'Số tin, bài đăng trên cổng, trang thông tin điện tử', 'tin, bài', NULL, 'portal.posts_published', 70),
  ('MS_HOI_DAP', '7. Phổ biến pháp luật trên môi trường số', 'Số câu hỏi được giải đáp, tư vấn pháp luật trực tuyến', 'câu hỏi', NULL, 'consult.questions_answered', 71),
  ('MS_TRA_LOI_TU_DONG', '7. Phổ biến pháp luật trên môi trường số', 'Số lượt hỏi đáp pháp luật tự động', 'lượt', NULL, 'answer.answers_given', 72),
  ('MS_DU_THI', '7. Phổ biến pháp luật trên môi trường số', 'Số lượt người dự thi tìm hiểu pháp luật trực tuyến', 'lượt người', NULL, 'learning.contest_participants', 73),
  ('MS_KHOA_HOC', '7. Phổ biến pháp luật trên môi trường số', 'Số lượt hoàn thành khóa học pháp luật trực tuyến', 'lượt người', NULL, 'learning.course_completions', 74),
  ('LOA_TIN_BAI', '8. Hệ thống loa truyền thanh cơ sở', 'Số tin, bài pháp luật phát trên hệ thống loa truyền thanh cơ sở', 'tin, bài', NULL, NULL, 80),
  ('KP_TONG', '9. Kinh phí', 'Tổng kinh phí bảo đảm cho công tác phổ biến, giáo dục pháp luật', 'đồng', NULL, NULL, 90),
  ('KP_NGAN_SACH', '9. Kinh phí', 'Trong đó: ngân sách nhà nước', 'đồng', 'KP_TONG', NULL, 91);
