-- Trigram search over customer names, phones, account numbers and addresses (the agent's "find the caller").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
