-- Zaiko initial schema (DESIGN.md section 4).
-- All times are timestamptz in UTC; money is numeric(12,2) beside an ISO 4217 currency code.
-- Hangfire keeps its own tables in schema "hangfire": there is deliberately no queue table here.

-- Products: our own catalogue entry that source offers and channel listings hang off.
CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text        NOT NULL,
    title       text        NOT NULL,
    image_url   text,
    notes       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL DEFAULT 'system',
    CONSTRAINT products_sku_unique UNIQUE (sku),
    CONSTRAINT products_sku_format CHECK (length(sku) BETWEEN 1 AND 100 AND sku !~ '\s'),
    CONSTRAINT products_title_length CHECK (length(title) BETWEEN 1 AND 500),
    CONSTRAINT products_image_url_length CHECK (image_url IS NULL OR length(image_url) <= 2000)
);

-- One row per monitored source offer (a Yahoo! auction, an Amazon ASIN).
CREATE TABLE inventory_management (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id            bigint      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    source_platform       text        NOT NULL,
    source_url            text        NOT NULL,
    source_product_id     text        NOT NULL,
    title                 text,
    title_hash            text,
    current_stock         integer,
    current_price         numeric(12,2),
    price_incl_tax        numeric(12,2),
    buy_now_price         numeric(12,2),
    currency              char(3)     NOT NULL DEFAULT 'JPY',
    bids                  integer,
    source_end_time       timestamptz,
    url_status            text        NOT NULL DEFAULT 'active',
    layout_status         text,
    last_verified_at      timestamptz,
    last_checked_at       timestamptz,
    consecutive_failures  integer     NOT NULL DEFAULT 0,
    -- A 404/410 must be confirmed by a second check at least five minutes later (DESIGN.md section 6).
    gone_suspected_at     timestamptz,
    -- The execution that last counted a check of this offer: a retried check must not count twice.
    last_execution_id     uuid,
    monitoring_enabled    boolean     NOT NULL DEFAULT true,
    next_check_at         timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            text        NOT NULL DEFAULT 'system',
    CONSTRAINT inventory_source_platform_check CHECK (source_platform IN ('yahoo', 'amazon')),
    CONSTRAINT inventory_url_status_check CHECK (url_status IN ('active', 'ended', 'dead', 'changed', 'blocked', 'unverifiable')),
    CONSTRAINT inventory_layout_status_check CHECK (layout_status IS NULL OR layout_status IN ('next-data', 'page-data', 'legacy-dom', 'api', 'changed')),
    CONSTRAINT inventory_stock_non_negative CHECK (current_stock IS NULL OR current_stock >= 0),
    CONSTRAINT inventory_prices_non_negative CHECK (
        (current_price IS NULL OR current_price >= 0)
        AND (price_incl_tax IS NULL OR price_incl_tax >= 0)
        AND (buy_now_price IS NULL OR buy_now_price >= 0)),
    CONSTRAINT inventory_failures_non_negative CHECK (consecutive_failures >= 0),
    CONSTRAINT inventory_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT inventory_source_url_length CHECK (length(source_url) BETWEEN 1 AND 2000),
    CONSTRAINT inventory_source_product_id_length CHECK (length(source_product_id) BETWEEN 1 AND 64),
    CONSTRAINT inventory_source_unique UNIQUE (source_platform, source_product_id)
);
CREATE INDEX inventory_product_idx ON inventory_management (product_id);
-- Fan-out walks the monitored offers of one platform in id order (keyset pagination).
CREATE INDEX inventory_monitoring_idx ON inventory_management (source_platform, id) WHERE monitoring_enabled;
CREATE INDEX inventory_next_check_idx ON inventory_management (next_check_at) WHERE monitoring_enabled;
CREATE INDEX inventory_url_status_idx ON inventory_management (url_status, last_verified_at);

-- Executions of scheduled processes; the partial unique index below is the cluster-wide lock.
CREATE TABLE inventory_execution_logs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id     uuid        NOT NULL,
    process_type     text        NOT NULL,
    status           text        NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    last_progress_at timestamptz NOT NULL,
    worker_id        text,
    triggered_by     text        NOT NULL DEFAULT 'schedule',
    total_count      integer     NOT NULL DEFAULT 0,
    processed_count  integer     NOT NULL DEFAULT 0,
    updated_count    integer     NOT NULL DEFAULT 0,
    error_count      integer     NOT NULL DEFAULT 0,
    details          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT executions_execution_id_unique UNIQUE (execution_id),
    CONSTRAINT executions_process_type_check CHECK (process_type IN (
        'stock-check', 'price-check', 'full-validation', 'health-check', 'cleanup', 'daily-summary',
        'partition-maintenance', 'backup', 'reconcile', 'sync-sweep', 'fx-update')),
    CONSTRAINT executions_status_check CHECK (status IN ('running', 'completed', 'partial', 'failed', 'skipped')),
    CONSTRAINT executions_counters_non_negative CHECK (
        total_count >= 0 AND processed_count >= 0 AND updated_count >= 0 AND error_count >= 0),
    CONSTRAINT executions_end_after_start CHECK (ended_at IS NULL OR ended_at >= started_at),
    CONSTRAINT executions_finished_have_end CHECK (status = 'running' OR ended_at IS NOT NULL)
);
CREATE UNIQUE INDEX executions_one_running_per_type ON inventory_execution_logs (process_type) WHERE status = 'running';
CREATE INDEX executions_type_status_started_idx ON inventory_execution_logs (process_type, status, started_at DESC);
CREATE INDEX executions_started_idx ON inventory_execution_logs (started_at DESC);

-- Stock and price history: append-only, partitioned by month so retention drops whole partitions.
CREATE TABLE stock_history (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    created_at      timestamptz NOT NULL DEFAULT now(),
    inventory_id    bigint      NOT NULL REFERENCES inventory_management (id) ON DELETE CASCADE,
    product_id      bigint      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    previous_stock  integer,
    new_stock       integer,
    previous_price  numeric(12,2),
    new_price       numeric(12,2),
    previous_status text,
    new_status      text,
    change_type     text        NOT NULL,
    change_source   text        NOT NULL,
    execution_id    uuid,
    CONSTRAINT stock_history_pk PRIMARY KEY (id, created_at),
    CONSTRAINT stock_history_change_type_check CHECK (change_type IN ('stock_change', 'price_change', 'both', 'status_change')),
    CONSTRAINT stock_history_change_source_check CHECK (change_source IN (
        'stock-check', 'price-check', 'full-validation', 'end-time-check', 'on-demand', 'manual', 'import')),
    CONSTRAINT stock_history_stock_non_negative CHECK (
        (previous_stock IS NULL OR previous_stock >= 0) AND (new_stock IS NULL OR new_stock >= 0))
) PARTITION BY RANGE (created_at);
CREATE TABLE stock_history_default PARTITION OF stock_history DEFAULT;
CREATE INDEX stock_history_product_time_idx ON stock_history (product_id, created_at DESC);
CREATE INDEX stock_history_inventory_time_idx ON stock_history (inventory_id, created_at DESC);
CREATE INDEX stock_history_execution_idx ON stock_history (execution_id) WHERE execution_id IS NOT NULL;

-- Creates the current month's partition and the next months_ahead ones (UTC months). Idempotent.
-- Rows that already landed in the default partition for a new month are moved into it first,
-- because PostgreSQL refuses to attach a partition whose range the default partition still holds.
CREATE FUNCTION ensure_stock_history_partitions(months_ahead integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    first_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
    month_start timestamp;
    partition_name text;
    created integer := 0;
BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 120 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 120, got %', months_ahead;
    END IF;
    FOR i IN 0..months_ahead LOOP
        month_start := first_month + make_interval(months => i);
        partition_name := format('stock_history_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(partition_name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I (LIKE stock_history INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', partition_name);
            EXECUTE format(
                'WITH moved AS (DELETE FROM stock_history_default WHERE created_at >= %L::timestamptz AND created_at < %L::timestamptz RETURNING *) '
                'INSERT INTO %I SELECT * FROM moved',
                month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC', partition_name);
            EXECUTE format('ALTER TABLE stock_history ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                partition_name, month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

-- Retention: drops monthly partitions whose whole month ends on or before the cut-off.
CREATE FUNCTION drop_stock_history_partitions_before(cutoff timestamptz) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
    part record;
    month_end timestamptz;
BEGIN
    FOR part IN
        SELECT c.relname AS name
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'stock_history'::regclass AND c.relname ~ '^stock_history_y\d{4}m\d{2}$'
        ORDER BY c.relname
    LOOP
        month_end := (make_timestamp(substring(part.name FROM 16 FOR 4)::int, substring(part.name FROM 21 FOR 2)::int, 1, 0, 0, 0)
                      + interval '1 month') AT TIME ZONE 'UTC';
        IF month_end <= cutoff THEN
            EXECUTE format('DROP TABLE %I', part.name);
            RETURN NEXT part.name;
        END IF;
    END LOOP;
END;
$$;

SELECT ensure_stock_history_partitions(3);

-- Channel listings of a product and their desired versus confirmed state.
CREATE TABLE listing_platforms (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id          bigint      NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    platform            text        NOT NULL,
    ebay_sku            text,
    ebay_offer_id       text,
    amazon_seller_sku   text,
    mercari_product_id  text,
    mercari_variant_id  text,
    listing_url         text,
    listing_status      text        NOT NULL DEFAULT 'active',
    currency            char(3)     NOT NULL,
    desired_quantity    integer,
    desired_price       numeric(12,2),
    desired_reason      jsonb,
    desired_updated_at  timestamptz,
    confirmed_quantity  integer,
    confirmed_price     numeric(12,2),
    buffer_stock        integer     NOT NULL DEFAULT 0,
    max_quantity        integer,
    auto_sync_enabled   boolean     NOT NULL DEFAULT true,
    sync_state          text        NOT NULL DEFAULT 'idle',
    hold_reason         text,
    -- A price move beyond the anomaly threshold holds only the price; stock keeps syncing.
    price_hold_reason   text,
    sync_lease_until    timestamptz,
    sync_attempts       integer     NOT NULL DEFAULT 0,
    last_synced_at      timestamptz,
    last_reconciled_at  timestamptz,
    last_sync_error     text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          text        NOT NULL DEFAULT 'system',
    CONSTRAINT listing_platform_check CHECK (platform IN ('ebay', 'amazon', 'mercari')),
    CONSTRAINT listing_status_check CHECK (listing_status IN ('active', 'inactive', 'ended', 'draft')),
    CONSTRAINT listing_sync_state_check CHECK (sync_state IN ('idle', 'pending', 'syncing', 'held', 'failed')),
    CONSTRAINT listing_held_has_reason CHECK (sync_state <> 'held' OR hold_reason IS NOT NULL),
    CONSTRAINT listing_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT listing_quantities_non_negative CHECK (
        (desired_quantity IS NULL OR desired_quantity >= 0)
        AND (confirmed_quantity IS NULL OR confirmed_quantity >= 0)
        AND buffer_stock >= 0 AND (max_quantity IS NULL OR max_quantity >= 0)),
    CONSTRAINT listing_prices_non_negative CHECK (
        (desired_price IS NULL OR desired_price >= 0) AND (confirmed_price IS NULL OR confirmed_price >= 0)),
    CONSTRAINT listing_platform_ids CHECK (
        (platform = 'ebay' AND ebay_sku IS NOT NULL AND ebay_offer_id IS NOT NULL)
        OR (platform = 'amazon' AND amazon_seller_sku IS NOT NULL)
        OR (platform = 'mercari' AND mercari_product_id IS NOT NULL))
);
CREATE INDEX listing_product_idx ON listing_platforms (product_id);
CREATE INDEX listing_sync_state_idx ON listing_platforms (platform, sync_state) WHERE sync_state <> 'idle';
CREATE UNIQUE INDEX listing_ebay_offer_unique ON listing_platforms (ebay_offer_id) WHERE platform = 'ebay';
CREATE UNIQUE INDEX listing_amazon_sku_unique ON listing_platforms (amazon_seller_sku) WHERE platform = 'amazon';
CREATE UNIQUE INDEX listing_mercari_product_unique ON listing_platforms (mercari_product_id, mercari_variant_id) WHERE platform = 'mercari';

-- Errors for triage.
CREATE TABLE inventory_errors (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id      uuid REFERENCES inventory_execution_logs (execution_id) ON DELETE SET NULL,
    product_id        bigint REFERENCES products (id) ON DELETE SET NULL,
    inventory_id      bigint REFERENCES inventory_management (id) ON DELETE SET NULL,
    listing_id        bigint REFERENCES listing_platforms (id) ON DELETE SET NULL,
    error_type        text        NOT NULL,
    error_code        text,
    message           text        NOT NULL,
    stack_trace       text,
    product_title     text,
    source_url        text,
    platform          text,
    severity          text        NOT NULL,
    resolved          boolean     NOT NULL DEFAULT false,
    resolution_notes  text,
    resolved_at       timestamptz,
    resolved_by       text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT errors_type_check CHECK (error_type IN (
        'url_dead', 'blocked', 'layout_changed', 'api_error', 'timeout', 'unverifiable', 'price_spike',
        'product_changed', 'rate_limited', 'sync_failed', 'stock_out_chain', 'multi_source_failure',
        'schedule_overrun', 'fx_stale', 'health_check', 'stale_execution', 'internal')),
    CONSTRAINT errors_severity_check CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    CONSTRAINT errors_platform_check CHECK (platform IS NULL OR platform IN ('yahoo', 'amazon', 'ebay', 'mercari', 'fx', 'system')),
    CONSTRAINT errors_message_length CHECK (length(message) BETWEEN 1 AND 4000),
    CONSTRAINT errors_resolution_consistent CHECK (resolved = (resolved_at IS NOT NULL))
);
CREATE INDEX errors_severity_resolved_time_idx ON inventory_errors (severity, resolved, created_at DESC);
CREATE INDEX errors_unresolved_time_idx ON inventory_errors (created_at DESC) WHERE NOT resolved;
CREATE INDEX errors_product_time_idx ON inventory_errors (product_id, created_at DESC);
CREATE INDEX errors_execution_idx ON inventory_errors (execution_id) WHERE execution_id IS NOT NULL;

-- Pricing rules: one global default (product_id NULL) and optional per-product overrides.
CREATE TABLE price_rules (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id                  bigint REFERENCES products (id) ON DELETE CASCADE,
    platform                    text,
    domestic_shipping_jpy       numeric(12,2) NOT NULL DEFAULT 0,
    international_shipping_jpy  numeric(12,2) NOT NULL DEFAULT 0,
    margin_pct                  numeric(6,3)  NOT NULL DEFAULT 0,
    channel_fee_pct             numeric(6,3)  NOT NULL DEFAULT 0,
    payment_fee_pct             numeric(6,3)  NOT NULL DEFAULT 0,
    floor_price                 numeric(12,2),
    ceiling_price               numeric(12,2),
    max_step_pct                numeric(6,3)  NOT NULL DEFAULT 20,
    created_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_by                  text          NOT NULL DEFAULT 'system',
    CONSTRAINT price_rules_platform_check CHECK (platform IS NULL OR platform IN ('ebay', 'amazon', 'mercari')),
    CONSTRAINT price_rules_fees_range CHECK (
        channel_fee_pct >= 0 AND payment_fee_pct >= 0 AND channel_fee_pct + payment_fee_pct < 100),
    CONSTRAINT price_rules_margin_range CHECK (margin_pct > -100 AND margin_pct <= 1000),
    CONSTRAINT price_rules_shipping_non_negative CHECK (domestic_shipping_jpy >= 0 AND international_shipping_jpy >= 0),
    CONSTRAINT price_rules_floor_ceiling CHECK (floor_price IS NULL OR ceiling_price IS NULL OR floor_price <= ceiling_price),
    CONSTRAINT price_rules_max_step_range CHECK (max_step_pct > 0 AND max_step_pct <= 1000)
);
CREATE UNIQUE INDEX price_rules_scope_unique ON price_rules (coalesce(product_id, 0), coalesce(platform, ''));

-- Settings: one JSON document per key, with every previous version kept.
CREATE TABLE settings (
    key         text        PRIMARY KEY,
    value       jsonb       NOT NULL,
    version     integer     NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL DEFAULT 'system',
    CONSTRAINT settings_key_format CHECK (key ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    CONSTRAINT settings_version_positive CHECK (version >= 1)
);
CREATE TABLE settings_history (
    key         text        NOT NULL,
    version     integer     NOT NULL,
    value       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    PRIMARY KEY (key, version)
);

CREATE TABLE fx_rates (
    base_currency   char(3)       NOT NULL,
    quote_currency  char(3)       NOT NULL,
    rate            numeric(18,8) NOT NULL,
    source          text          NOT NULL,
    as_of           timestamptz   NOT NULL,
    fetched_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (base_currency, quote_currency, as_of),
    CONSTRAINT fx_rates_positive CHECK (rate > 0),
    CONSTRAINT fx_rates_source_check CHECK (source IN ('ecb', 'manual')),
    CONSTRAINT fx_rates_currency_format CHECK (base_currency ~ '^[A-Z]{3}$' AND quote_currency ~ '^[A-Z]{3}$')
);

CREATE TABLE users (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username         text        NOT NULL,
    display_name     text        NOT NULL,
    password_hash    text        NOT NULL,
    role             text        NOT NULL,
    failed_attempts  integer     NOT NULL DEFAULT 0,
    lockout_until    timestamptz,
    disabled         boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at  timestamptz,
    CONSTRAINT users_username_unique UNIQUE (username),
    CONSTRAINT users_username_format CHECK (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
    CONSTRAINT users_role_check CHECK (role IN ('Admin', 'Staff'))
);

-- API tokens are stored as hashes only.
CREATE TABLE api_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    token_hash    bytea       NOT NULL,
    scopes        text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    CONSTRAINT api_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT api_tokens_hash_length CHECK (length(token_hash) = 32)
);

-- Marketplace credentials: AES-256-GCM ciphertext; the key itself never enters the database.
CREATE TABLE encrypted_credentials (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform    text        NOT NULL,
    name        text        NOT NULL,
    key_id      text        NOT NULL,
    nonce       bytea       NOT NULL,
    ciphertext  bytea       NOT NULL,
    tag         bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL DEFAULT 'system',
    CONSTRAINT credentials_platform_check CHECK (platform IN ('yahoo', 'amazon', 'ebay', 'mercari', 'smtp', 'slack', 'webhook')),
    CONSTRAINT credentials_unique UNIQUE (platform, name),
    CONSTRAINT credentials_nonce_length CHECK (length(nonce) = 12),
    CONSTRAINT credentials_tag_length CHECK (length(tag) = 16)
);

CREATE TABLE security_audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    action       text        NOT NULL,
    target       text,
    ip_address   inet,
    success      boolean     NOT NULL,
    details      jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX security_audit_time_idx ON security_audit_log (occurred_at DESC);

CREATE TABLE alert_log (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedup_key        text        NOT NULL,
    channel          text        NOT NULL,
    severity         text        NOT NULL,
    subject          text        NOT NULL,
    result           text        NOT NULL,
    attempt          integer     NOT NULL DEFAULT 1,
    suppressed_count integer     NOT NULL DEFAULT 0,
    error            text,
    sent_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alert_log_channel_check CHECK (channel IN ('email', 'slack', 'webhook', 'log')),
    CONSTRAINT alert_log_severity_check CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    CONSTRAINT alert_log_result_check CHECK (result IN ('sent', 'failed', 'suppressed'))
);
CREATE INDEX alert_log_dedup_time_idx ON alert_log (dedup_key, sent_at DESC);

CREATE TABLE health_check_results (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checked_at  timestamptz NOT NULL DEFAULT now(),
    component   text        NOT NULL,
    status      text        NOT NULL,
    latency_ms  double precision,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT health_status_check CHECK (status IN ('ok', 'degraded', 'failed'))
);
CREATE INDEX health_component_time_idx ON health_check_results (component, checked_at DESC);

-- Token buckets shared by every worker process (one atomic UPDATE per acquire).
CREATE TABLE rate_limit_buckets (
    bucket_key         text             PRIMARY KEY,
    tokens             double precision NOT NULL,
    capacity           double precision NOT NULL,
    refill_per_second  double precision NOT NULL,
    updated_at         timestamptz      NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT rate_limit_positive CHECK (capacity > 0 AND refill_per_second > 0 AND tokens <= capacity)
);
