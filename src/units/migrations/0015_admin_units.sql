-- Administrative units (đơn vị hành chính) after the 1 July 2025 reorganisation: provinces and
-- centrally-run cities (level 'province'), their communes, wards and special zones ('commune',
-- parent_code the province), and a province's own agencies ('agency', parent_code the
-- province). code is the national unit code ("01", "00004"); agencies get codes of their own.
-- Contest participants, and later reporters and statistics, name their unit by code.
CREATE TABLE admin_units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_code TEXT REFERENCES admin_units(code)
);
CREATE INDEX admin_units_by_parent ON admin_units (parent_code, name);
