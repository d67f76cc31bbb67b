CREATE TABLE files (
    id INTEGER PRIMARY KEY, zip_name TEXT NOT NULL, csv_name TEXT NOT NULL, size INTEGER NOT NULL,
    created_by INTEGER NOT NULL, created_time TEXT NOT NULL, content BLOB NOT NULL);
CREATE TABLE write_jobs (
    id INTEGER PRIMARY KEY, definition TEXT NOT NULL, status TEXT NOT NULL, character_encoding TEXT,
    checkpoint_row INTEGER NOT NULL DEFAULT 0, added_count INTEGER NOT NULL DEFAULT 0,
    updated_count INTEGER NOT NULL DEFAULT 0, skipped_count INTEGER NOT NULL DEFAULT 0,
    failure_message TEXT, completed_time TEXT);
CREATE INDEX ix_write_jobs_status ON write_jobs (status);
CREATE TABLE write_results (
    job_id INTEGER NOT NULL, row_number INTEGER NOT NULL, status TEXT NOT NULL, record_id INTEGER,
    errors TEXT NOT NULL, echo TEXT NOT NULL, PRIMARY KEY (job_id, row_number)) WITHOUT ROWID;
