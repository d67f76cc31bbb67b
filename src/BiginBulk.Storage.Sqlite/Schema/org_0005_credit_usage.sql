CREATE TABLE credit_usage (time TEXT NOT NULL, cost INTEGER NOT NULL);
CREATE INDEX ix_credit_usage_time ON credit_usage (time);
