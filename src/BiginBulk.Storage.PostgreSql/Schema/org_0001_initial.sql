-- bytea with STORAGE EXTERNAL: zips are already compressed, and uncompressed TOAST lets substring()
-- fetch only the chunks a seek asks for (see PostgreSqlBlobStream).
CREATE TABLE files (
    id bigint PRIMARY KEY, zip_name text NOT NULL, csv_name text NOT NULL, size bigint NOT NULL,
    created_by bigint NOT NULL, created_time timestamptz NOT NULL, content bytea NOT NULL);
ALTER TABLE files ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE TABLE write_jobs (
    id bigint PRIMARY KEY, definition text NOT NULL, status text NOT NULL, character_encoding text,
    checkpoint_row bigint NOT NULL DEFAULT 0, added_count int NOT NULL DEFAULT 0,
    updated_count int NOT NULL DEFAULT 0, skipped_count int NOT NULL DEFAULT 0,
    failure_message text, completed_time timestamptz);
CREATE INDEX ix_write_jobs_status ON write_jobs (status);
CREATE TABLE write_results (
    job_id bigint NOT NULL, row_number int NOT NULL, status text NOT NULL, record_id bigint,
    errors text NOT NULL, echo text NOT NULL, PRIMARY KEY (job_id, row_number));
CREATE TABLE read_jobs (
    id bigint PRIMARY KEY, definition text NOT NULL, state text NOT NULL, count int NOT NULL DEFAULT 0,
    per_page int NOT NULL DEFAULT 0, more_records boolean NOT NULL DEFAULT false, error_code text, error_message text,
    completed_time timestamptz, result bytea);
ALTER TABLE read_jobs ALTER COLUMN result SET STORAGE EXTERNAL;
CREATE INDEX ix_read_jobs_state ON read_jobs (state);
CREATE TABLE org_users (id bigint PRIMARY KEY, first_name text, last_name text, full_name text, email text);
CREATE TABLE custom_views (
    id bigint PRIMARY KEY, module text NOT NULL, name text NOT NULL, system_name text, criteria text,
    system_defined boolean NOT NULL, created_time timestamptz NOT NULL);
CREATE TABLE custom_fields (
    module text NOT NULL, api_name text NOT NULL, definition text NOT NULL, created_time timestamptz NOT NULL,
    PRIMARY KEY (module, api_name));
CREATE TABLE catalog_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO catalog_version (id, version) VALUES (1, 0);
CREATE TABLE credit_usage (time timestamptz NOT NULL, cost int NOT NULL);
CREATE INDEX ix_credit_usage_time ON credit_usage (time);
