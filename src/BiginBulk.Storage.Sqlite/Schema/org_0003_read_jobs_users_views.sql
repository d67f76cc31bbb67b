CREATE TABLE read_jobs (
    id INTEGER PRIMARY KEY, definition TEXT NOT NULL, state TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 0,
    per_page INTEGER NOT NULL DEFAULT 0, more_records INTEGER NOT NULL DEFAULT 0, error_code TEXT, error_message TEXT,
    completed_time TEXT, result BLOB);
CREATE INDEX ix_read_jobs_state ON read_jobs (state);
CREATE TABLE org_users (
    id INTEGER PRIMARY KEY, first_name TEXT COLLATE NOCASE, last_name TEXT COLLATE NOCASE,
    full_name TEXT COLLATE NOCASE, email TEXT COLLATE NOCASE);
CREATE TABLE custom_views (
    id INTEGER PRIMARY KEY, module TEXT NOT NULL, name TEXT NOT NULL, system_name TEXT, criteria TEXT,
    system_defined INTEGER NOT NULL, created_time TEXT NOT NULL);
-- Every module's "All …" view.
-- @generated all-views
