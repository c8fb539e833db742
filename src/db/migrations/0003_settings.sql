-- Site-wide settings and one-time markers (e.g. demo content seeded), shared by every node.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
