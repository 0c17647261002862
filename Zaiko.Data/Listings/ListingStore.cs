using Dapper;
using Npgsql;

namespace Zaiko.Data.Listings;

public sealed class ListingStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    internal const string Columns = """
        id, product_id, platform, ebay_sku, ebay_offer_id, amazon_seller_sku, mercari_product_id, mercari_variant_id,
        listing_url, listing_status, currency, desired_quantity, desired_price, desired_reason::text AS desired_reason,
        desired_updated_at, confirmed_quantity, confirmed_price, buffer_stock, max_quantity, auto_sync_enabled, sync_state,
        hold_reason, price_hold_reason, sync_lease_until, sync_attempts, last_synced_at, last_reconciled_at, last_sync_error,
        created_at, updated_at, updated_by
        """;

    private const string AddSql = $"""
        -- ListingStore.AddAsync
        INSERT INTO listing_platforms (product_id, platform, ebay_sku, ebay_offer_id, amazon_seller_sku, mercari_product_id,
                                       mercari_variant_id, listing_url, currency, buffer_stock, max_quantity,
                                       confirmed_quantity, confirmed_price, created_at, updated_at, updated_by)
        VALUES (@ProductId, @Platform, @EbaySku, @EbayOfferId, @AmazonSellerSku, @MercariProductId,
                @MercariVariantId, @ListingUrl, @Currency, @BufferStock, @MaxQuantity,
                @ConfirmedQuantity, @ConfirmedPrice, @Now, @Now, @Actor)
        RETURNING {Columns}
        """;

    public async Task<Listing> AddAsync(NewListing listing, string actor, CancellationToken cancellationToken)
    {
        listing.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AddAsync(connection, null, listing, actor, cancellationToken);
    }

    /// <summary>Registers a listing on the caller's connection (inside its transaction when one is given).</summary>
    public async Task<Listing> AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, NewListing listing, string actor, CancellationToken cancellationToken)
    {
        listing.Validate();
        try
        {
            return await connection.QuerySingleAsync<Listing>(new CommandDefinition(AddSql, new
            {
                listing.ProductId, listing.Platform, listing.EbaySku, listing.EbayOfferId, listing.AmazonSellerSku,
                listing.MercariProductId, listing.MercariVariantId, listing.ListingUrl, listing.Currency, listing.BufferStock,
                listing.MaxQuantity, listing.ConfirmedQuantity, listing.ConfirmedPrice, Now = timeProvider.GetUtcNow(), Actor = actor,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidInputException("listing", $"this {listing.Platform} listing is already registered");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidInputException("product_id", $"product {listing.ProductId} does not exist");
        }
    }

    private const string GetSql = $"""
        -- ListingStore.GetAsync
        SELECT {Columns} FROM listing_platforms WHERE id = @id
        """;

    public async Task<Listing?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Listing>(new CommandDefinition(GetSql, new { id }, cancellationToken: cancellationToken));
    }

    private const string GetProductIdSql = """
        -- ListingStore.GetProductIdAsync
        SELECT product_id FROM listing_platforms WHERE id = @id
        """;

    /// <summary>The product a listing belongs to, or null when there is no such listing.</summary>
    public async Task<long?> GetProductIdAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(GetProductIdSql, new { id }, transaction, cancellationToken: cancellationToken));

    private const string SetLimitsSql = """
        -- ListingStore.SetLimitsAsync
        UPDATE listing_platforms
        SET buffer_stock = @bufferStock, max_quantity = @maxQuantity, updated_at = @now, updated_by = @actor
        WHERE id = @id
        """;

    /// <summary>Sets how much source stock a listing keeps back and the most it shows; the caller re-plans it in the same transaction.</summary>
    public async Task<bool> SetLimitsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, int bufferStock, int? maxQuantity,
        string actor, CancellationToken cancellationToken)
    {
        if (bufferStock < 0)
        {
            throw new InvalidInputException("buffer_stock", "cannot be negative");
        }

        if (maxQuantity < 0)
        {
            throw new InvalidInputException("max_quantity", "cannot be negative");
        }

        return await connection.ExecuteAsync(new CommandDefinition(SetLimitsSql,
            new { id, bufferStock, maxQuantity, actor, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    private const string SetAutoSyncSql = """
        -- ListingStore.SetAutoSyncAsync
        UPDATE listing_platforms
        SET auto_sync_enabled = @enabled, updated_at = @now, updated_by = @actor,
            sync_state = CASE WHEN NOT @enabled AND sync_state IN ('pending', 'failed') THEN 'idle' ELSE sync_state END
        WHERE id = @id
        """;

    /// <summary>
    /// Starts or stops syncing a listing. A stopped listing stops waiting for a push; a held one keeps its hold, so
    /// the hold is still there when syncing resumes. The caller re-plans it in the same transaction.
    /// </summary>
    public async Task<bool> SetAutoSyncAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, bool enabled, string actor,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(SetAutoSyncSql,
            new { id, enabled, actor, now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken)) == 1;

    private const string ListForProductSql = $"""
        -- ListingStore.ListForProductAsync
        SELECT {Columns} FROM listing_platforms WHERE product_id = @productId ORDER BY id
        """;

    public async Task<IReadOnlyList<Listing>> ListForProductAsync(long productId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Listing>(new CommandDefinition(ListForProductSql, new { productId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string LockForProductSql = $"""
        -- ListingStore.LockForProductAsync
        SELECT {Columns} FROM listing_platforms WHERE product_id = @productId ORDER BY id FOR UPDATE
        """;

    /// <summary>A product's listings, locked until the caller's transaction ends.</summary>
    public async Task<IReadOnlyList<Listing>> LockForProductAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long productId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Listing>(new CommandDefinition(LockForProductSql, new { productId }, transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string SetDesiredSql = """
        -- ListingStore.SetDesiredAsync
        UPDATE listing_platforms
        SET desired_quantity = @Quantity, desired_price = @Price, desired_reason = @ReasonJson::jsonb, desired_updated_at = @Now,
            hold_reason = @HoldReason, price_hold_reason = @PriceHoldReason,
            sync_state = CASE
                WHEN @HoldReason IS NOT NULL THEN 'held'
                WHEN (@Quantity IS NOT NULL AND @Quantity IS DISTINCT FROM confirmed_quantity)
                  OR (@PriceHoldReason IS NULL AND @Price IS NOT NULL AND @Price IS DISTINCT FROM confirmed_price) THEN 'pending'
                WHEN sync_state IN ('held', 'pending') THEN 'idle'
                ELSE sync_state END,
            updated_at = @Now, updated_by = @Actor
        WHERE id = @ListingId
        RETURNING sync_state
        """;

    /// <summary>Writes what the rules want for a listing inside the caller's transaction; returns the resulting sync state.</summary>
    public async Task<string> SetDesiredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DesiredState desired, string actor, CancellationToken cancellationToken)
    {
        if (desired.Quantity < 0)
        {
            throw new InvalidInputException("desired_quantity", "cannot be negative");
        }

        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(SetDesiredSql, new
        {
            desired.ListingId, desired.Quantity, desired.Price, desired.ReasonJson, desired.HoldReason, desired.PriceHoldReason,
            Now = timeProvider.GetUtcNow(), Actor = actor,
        }, transaction, cancellationToken: cancellationToken)) ?? throw new InvalidInputException("listing_id", $"listing {desired.ListingId} does not exist");
    }

    private const string LeaseSql = $"""
        -- ListingStore.LeaseForSyncAsync
        UPDATE listing_platforms
        SET sync_state = 'syncing', sync_lease_until = @leaseUntil, sync_attempts = sync_attempts + 1, updated_at = @now
        WHERE id = ANY(@ids) AND auto_sync_enabled
          AND ((sync_state = 'pending' AND (sync_lease_until IS NULL OR sync_lease_until < @now)) OR (sync_state = 'syncing' AND sync_lease_until < @now))
        RETURNING {Columns}
        """;

    /// <summary>
    /// Takes listings that wait for a push (pending and not backing off, or syncing under an expired lease — a
    /// worker died between push and confirm) and marks them syncing until <paramref name="leaseFor"/> has passed.
    /// Listings another worker holds a live lease on, or that are idle, held or failed, are not returned.
    /// </summary>
    public async Task<IReadOnlyList<Listing>> LeaseForSyncAsync(IReadOnlyCollection<long> ids, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Listing>(new CommandDefinition(LeaseSql,
            new { ids = ids.ToArray(), now, leaseUntil = now + leaseFor }, cancellationToken: cancellationToken));
        return rows.OrderBy(l => l.Id).ToList();
    }

    private const string ListPendingSql = """
        -- ListingStore.ListAwaitingPushAsync
        SELECT id FROM listing_platforms
        WHERE auto_sync_enabled AND platform = @platform
          AND ((sync_state = 'pending' AND (sync_lease_until IS NULL OR sync_lease_until < @now)) OR (sync_state = 'syncing' AND sync_lease_until < @now))
        ORDER BY desired_updated_at NULLS FIRST, id
        LIMIT @limit
        """;

    /// <summary>Listings of a platform that wait for a push, oldest change first.</summary>
    public async Task<IReadOnlyList<long>> ListAwaitingPushAsync(string platform, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(ListPendingSql,
            new { platform, limit, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ListPendingForProductSql = """
        -- ListingStore.ListAwaitingPushForProductAsync
        SELECT id FROM listing_platforms
        WHERE product_id = @productId AND auto_sync_enabled
          AND ((sync_state = 'pending' AND (sync_lease_until IS NULL OR sync_lease_until < @now)) OR (sync_state = 'syncing' AND sync_lease_until < @now))
        ORDER BY id
        """;

    public async Task<IReadOnlyList<long>> ListAwaitingPushForProductAsync(long productId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(ListPendingForProductSql,
            new { productId, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ConfirmSql = """
        -- ListingStore.ConfirmPushAsync
        UPDATE listing_platforms
        SET confirmed_quantity = coalesce(@quantity, confirmed_quantity),
            confirmed_price = coalesce(@price, confirmed_price),
            last_synced_at = @now, last_sync_error = NULL, sync_attempts = 0, sync_lease_until = NULL, updated_at = @now,
            sync_state = CASE
                WHEN hold_reason IS NOT NULL THEN 'held'
                WHEN (desired_quantity IS NOT NULL AND desired_quantity IS DISTINCT FROM coalesce(@quantity, confirmed_quantity))
                  OR (price_hold_reason IS NULL AND desired_price IS NOT NULL AND desired_price IS DISTINCT FROM coalesce(@price, confirmed_price))
                    THEN 'pending'
                ELSE 'idle' END
        WHERE id = @id
        RETURNING sync_state
        """;

    /// <summary>
    /// Records what the channel accepted. The listing goes idle — or back to pending when the rules changed
    /// their mind while the push was on its way, so the newer values are pushed next.
    /// </summary>
    public async Task<string?> ConfirmPushAsync(long id, int? quantity, decimal? price, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ConfirmSql,
            new { id, quantity, price, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    private const string FailSql = """
        -- ListingStore.RecordPushFailureAsync
        UPDATE listing_platforms
        SET sync_state = CASE WHEN @final THEN 'failed' ELSE 'pending' END,
            last_sync_error = @error, sync_lease_until = CASE WHEN @final THEN NULL ELSE @retryAt END, updated_at = @now
        WHERE id = @id AND sync_state = 'syncing'
        """;

    /// <summary>
    /// Records a push the channel did not accept: pending again, not before <paramref name="retryAfter"/> has
    /// passed, when it is worth retrying (throttling, outages); failed when a person must look (an unknown
    /// listing, an invalid value, retries exhausted) — <paramref name="retryAfter"/> null.
    /// </summary>
    public async Task RecordPushFailureAsync(long id, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FailSql, new
        {
            id,
            error = error.Length > 2000 ? error[..2000] : error,
            final = retryAfter is null,
            retryAt = now + (retryAfter ?? TimeSpan.Zero),
            now,
        }, cancellationToken: cancellationToken));
    }

    private const string ListForReconcileSql = $"""
        -- ListingStore.ListForReconcileAsync
        SELECT {Columns} FROM listing_platforms
        WHERE platform = @platform AND auto_sync_enabled AND listing_status = 'active' AND id > @afterId
        ORDER BY id
        LIMIT @limit
        """;

    /// <summary>One page of a platform's active listings in id order, for reconciliation.</summary>
    public async Task<IReadOnlyList<Listing>> ListForReconcileAsync(string platform, long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Listing>(new CommandDefinition(ListForReconcileSql,
            new { platform, afterId, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ReconcileSql = """
        -- ListingStore.RecordReconciliationAsync
        UPDATE listing_platforms
        SET confirmed_quantity = @quantity, confirmed_price = @price, last_reconciled_at = @now, updated_at = @now,
            sync_state = CASE
                WHEN sync_state IN ('held', 'syncing', 'failed') THEN sync_state
                WHEN (desired_quantity IS NOT NULL AND desired_quantity IS DISTINCT FROM @quantity)
                  OR (price_hold_reason IS NULL AND desired_price IS NOT NULL AND desired_price IS DISTINCT FROM @price)
                    THEN 'pending'
                ELSE 'idle' END
        WHERE id = @id
        RETURNING sync_state
        """;

    /// <summary>
    /// Records what the channel actually shows. Drift from what the rules want makes the listing pending, so
    /// the next sweep repairs it.
    /// </summary>
    public async Task<string?> RecordReconciliationAsync(long id, int? quantity, decimal? price, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(ReconcileSql,
            new { id, quantity, price, now = timeProvider.GetUtcNow() }, cancellationToken: cancellationToken));
    }
}
