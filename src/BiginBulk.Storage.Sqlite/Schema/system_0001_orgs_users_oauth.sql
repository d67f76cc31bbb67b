CREATE TABLE orgs (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_time TEXT NOT NULL);
CREATE TABLE users (
    id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL REFERENCES orgs(id),
    email TEXT NOT NULL COLLATE NOCASE, first_name TEXT, last_name TEXT NOT NULL, profile TEXT NOT NULL,
    UNIQUE (org_id, email));
CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, org_id INTEGER NOT NULL REFERENCES orgs(id), name TEXT NOT NULL);
CREATE TABLE oauth_tokens (
    token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, client_id TEXT NOT NULL, org_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL, scopes TEXT NOT NULL, expires_time TEXT, revoked INTEGER NOT NULL DEFAULT 0);
