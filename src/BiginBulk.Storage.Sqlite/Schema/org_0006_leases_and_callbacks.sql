ALTER TABLE write_jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE write_jobs ADD COLUMN lease_expires TEXT;
ALTER TABLE read_jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE read_jobs ADD COLUMN lease_expires TEXT;
CREATE TABLE callback_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, job_id INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, url TEXT NOT NULL,
    state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_time TEXT,
    lease_owner TEXT, lease_expires TEXT, created_time TEXT NOT NULL);
CREATE INDEX ix_callback_outbox_due ON callback_outbox (state, next_attempt_time);
CREATE TABLE callback_attempts (
    delivery_id INTEGER NOT NULL, number INTEGER NOT NULL, time TEXT NOT NULL, http_status INTEGER,
    error TEXT, duration_ms INTEGER NOT NULL, PRIMARY KEY (delivery_id, number)) WITHOUT ROWID;
