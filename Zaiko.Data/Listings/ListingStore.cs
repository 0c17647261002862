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
        try
        {
            return await connection.QuerySingleAsync<Listing>(new CommandDefinition(AddSql, new
            {
                listing.ProductId, listing.Platform, listing.EbaySku, listing.EbayOfferId, listing.AmazonSellerSku,
                listing.MercariProductId, listing.MercariVariantId, listing.ListingUrl, listing.Currency, listing.BufferStock,
                listing.MaxQuantity, listing.ConfirmedQuantity, listing.ConfirmedPrice, Now = timeProvider.GetUtcNow(), Actor = actor,
            }, cancellationToken: cancellationToken));
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
}
