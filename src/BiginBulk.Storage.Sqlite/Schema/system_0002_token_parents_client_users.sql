ALTER TABLE oauth_tokens ADD COLUMN parent_hash TEXT;
CREATE INDEX ix_oauth_tokens_parent ON oauth_tokens (parent_hash);
ALTER TABLE oauth_clients ADD COLUMN user_id INTEGER;
