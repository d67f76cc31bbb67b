CREATE TABLE orgs (id bigint PRIMARY KEY, name text NOT NULL, created_time timestamptz NOT NULL);
CREATE TABLE users (
    id bigint PRIMARY KEY, org_id bigint NOT NULL REFERENCES orgs(id),
    email text NOT NULL, first_name text, last_name text NOT NULL, profile text NOT NULL);
CREATE UNIQUE INDEX ux_users_org_email ON users (org_id, lower(email));
CREATE TABLE oauth_clients (
    client_id text PRIMARY KEY, secret_hash text NOT NULL, org_id bigint NOT NULL REFERENCES orgs(id), name text NOT NULL,
    user_id bigint);
CREATE TABLE oauth_tokens (
    token_hash text PRIMARY KEY, kind text NOT NULL, client_id text NOT NULL, org_id bigint NOT NULL,
    user_id bigint NOT NULL, scopes text NOT NULL, expires_time timestamptz, revoked boolean NOT NULL DEFAULT false,
    parent_hash text);
CREATE INDEX ix_oauth_tokens_parent ON oauth_tokens (parent_hash);
