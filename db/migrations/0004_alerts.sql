-- Alerts: what the dispatcher decided to tell staff, how far it has read its feeds, and which alert each
-- delivery attempt in alert_log belongs to.

-- How far the alert dispatcher has read each feed: inventory_errors ('errors') and the stock-outs in
-- stock_history ('stock-outs'). Advanced in the same transaction that writes the alerts, so a crash keeps
-- both or neither. Seeded at the newest existing rows: alerting arrives on a database with history without
-- replaying it as a storm. A missing row counts as 0.
CREATE TABLE alert_cursors (
    feed        text        PRIMARY KEY,
    last_id     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alert_cursors_feed_check CHECK (feed IN ('errors', 'stock-outs')),
    CONSTRAINT alert_cursors_last_id_non_negative CHECK (last_id >= 0)
);
INSERT INTO alert_cursors (feed, last_id) SELECT 'errors', coalesce(max(id), 0) FROM inventory_errors;
INSERT INTO alert_cursors (feed, last_id) SELECT 'stock-outs', coalesce(max(id), 0) FROM stock_history;

-- One row per alert the dispatcher decided to send, with a snapshot of what it reports: the send jobs
-- take only its id and compose every channel's message from this row.
CREATE TABLE alerts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedup_key           text        NOT NULL,
    level               text        NOT NULL,
    -- The error type, or 'stock-out' for a stock-out read from stock_history.
    kind                text        NOT NULL,
    message             text        NOT NULL,
    error_id            bigint REFERENCES inventory_errors (id) ON DELETE SET NULL,
    execution_id        uuid,
    product_id          bigint REFERENCES products (id) ON DELETE SET NULL,
    product_title       text,
    sku                 text,
    platform            text,
    source_url          text,
    host                text        NOT NULL,
    occurred_at         timestamptz NOT NULL,
    -- Occurrences this alert reports besides its own event: repeats held back by the previous alert's
    -- cooldown and repeats read in the same pass ("and 14 more").
    repeats_reported    integer     NOT NULL DEFAULT 0,
    -- Repeats held back by this alert's cooldown; the next alert of the same key reports them.
    repeats_suppressed  integer     NOT NULL DEFAULT 0,
    channels            text[]      NOT NULL,
    -- Null until the send jobs of its channels are enqueued; a dispatcher that died in between finds it again.
    enqueued_at         timestamptz,
    created_at          timestamptz NOT NULL,
    CONSTRAINT alerts_level_check CHECK (level IN ('info', 'warning', 'error', 'critical')),
    CONSTRAINT alerts_channels_check CHECK (channels <@ ARRAY['email', 'slack', 'webhook', 'log']::text[]),
    CONSTRAINT alerts_dedup_key_length CHECK (length(dedup_key) BETWEEN 1 AND 200),
    CONSTRAINT alerts_kind_length CHECK (length(kind) BETWEEN 1 AND 50),
    CONSTRAINT alerts_repeats_non_negative CHECK (repeats_reported >= 0 AND repeats_suppressed >= 0)
);
CREATE INDEX alerts_dedup_time_idx ON alerts (dedup_key, created_at DESC);
CREATE INDEX alerts_unenqueued_idx ON alerts (id) WHERE enqueued_at IS NULL;
CREATE INDEX alerts_created_idx ON alerts (created_at DESC);

-- Every delivery attempt (and every suppression) of an alert points at it; the daily summary has no alert row.
ALTER TABLE alert_log ADD COLUMN alert_id bigint REFERENCES alerts (id) ON DELETE CASCADE;
CREATE INDEX alert_log_alert_idx ON alert_log (alert_id, channel) WHERE alert_id IS NOT NULL;

-- The daily summary counts a day's errors by type; no other index leads with created_at.
CREATE INDEX errors_created_idx ON inventory_errors (created_at);
