-- The staff console: people sign in with their e-mail address, sessions end when an account changes, the
-- first admin is created through a one-time setup link, cookies survive restarts and work across web
-- processes, and product search stays fast at 100,000 products.

-- Users sign in with their e-mail address (kept lower-case, so one address is one account). The security
-- stamp changes whenever a session must end (disabled, role changed, password reset); every request compares
-- the stamp in its cookie with this one.
ALTER TABLE users DROP CONSTRAINT users_username_format;
ALTER TABLE users RENAME COLUMN username TO email;
ALTER TABLE users RENAME CONSTRAINT users_username_unique TO users_email_unique;
ALTER TABLE users
    ADD CONSTRAINT users_email_format CHECK (email ~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' AND length(email) <= 254 AND email = lower(email)),
    ADD COLUMN security_stamp uuid        NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN updated_at     timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_by     text        NOT NULL DEFAULT 'system';

-- A link that creates the first admin: only its SHA-256 is stored, it lives one hour and works once.
CREATE TABLE setup_tokens (
    token_hash  bytea       PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT setup_tokens_hash_length CHECK (length(token_hash) = 32)
);

-- ASP.NET Core data-protection keys (they sign and encrypt the sign-in cookies and antiforgery tokens), shared
-- by every web process and kept across restarts.
CREATE TABLE data_protection_keys (
    friendly_name  text        PRIMARY KEY,
    xml            text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX security_audit_actor_time_idx ON security_audit_log (actor, occurred_at DESC);

-- Product search: a title fragment (trigram index), or an exact SKU, auction id or ASIN.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX products_title_trgm_idx ON products USING gin (title gin_trgm_ops);
CREATE INDEX inventory_source_product_idx ON inventory_management (source_product_id);
