using Dapper;
using Npgsql;

namespace Zaiko.Data.Pricing;

/// <summary>
/// Price rules by scope: global (no product) or per product, each for every platform or for one. A scope holds
/// at most one rule (unique index on coalesce(product_id, 0), coalesce(platform, '')), so saving replaces.
/// </summary>
public sealed class PriceRuleStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns = """
        id, product_id, platform, domestic_shipping_jpy, international_shipping_jpy, margin_pct, channel_fee_pct,
        payment_fee_pct, floor_price, ceiling_price, limits_currency, max_step_pct, created_at, updated_at, updated_by
        """;

    private const string SaveSql = $"""
        -- PriceRuleStore.SaveAsync
        INSERT INTO price_rules (product_id, platform, domestic_shipping_jpy, international_shipping_jpy, margin_pct,
                                 channel_fee_pct, payment_fee_pct, floor_price, ceiling_price, limits_currency, max_step_pct,
                                 created_at, updated_at, updated_by)
        VALUES (@ProductId, @Platform, @DomesticShippingJpy, @InternationalShippingJpy, @MarginPct,
                @ChannelFeePct, @PaymentFeePct, @FloorPrice, @CeilingPrice, @LimitsCurrency, @MaxStepPct,
                @Now, @Now, @Actor)
        ON CONFLICT ((coalesce(product_id, 0)), (coalesce(platform, ''))) DO UPDATE
            SET domestic_shipping_jpy = excluded.domestic_shipping_jpy,
                international_shipping_jpy = excluded.international_shipping_jpy,
                margin_pct = excluded.margin_pct,
                channel_fee_pct = excluded.channel_fee_pct,
                payment_fee_pct = excluded.payment_fee_pct,
                floor_price = excluded.floor_price,
                ceiling_price = excluded.ceiling_price,
                limits_currency = excluded.limits_currency,
                max_step_pct = excluded.max_step_pct,
                updated_at = excluded.updated_at,
                updated_by = excluded.updated_by
        RETURNING {Columns}
        """;

    /// <summary>
    /// Creates or replaces the rule of a scope: <paramref name="productId"/> null for the global default,
    /// <paramref name="platform"/> null for every platform.
    /// </summary>
    public async Task<StoredPriceRule> SaveAsync(long? productId, string? platform, PriceRuleValues values, string actor, CancellationToken cancellationToken)
    {
        ValidateScope(productId, platform);
        values.Validate();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await SaveAsync(connection, null, productId, platform, values, actor, cancellationToken);
    }

    /// <summary>Creates or replaces the rule of a scope on the caller's connection (inside its transaction when one is given).</summary>
    public async Task<StoredPriceRule> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long? productId, string? platform,
        PriceRuleValues values, string actor, CancellationToken cancellationToken)
    {
        ValidateScope(productId, platform);
        values.Validate();
        try
        {
            return await connection.QuerySingleAsync<StoredPriceRule>(new CommandDefinition(SaveSql, new
            {
                ProductId = productId,
                Platform = platform,
                values.DomesticShippingJpy,
                values.InternationalShippingJpy,
                values.MarginPct,
                values.ChannelFeePct,
                values.PaymentFeePct,
                values.FloorPrice,
                values.CeilingPrice,
                values.LimitsCurrency,
                values.MaxStepPct,
                Now = timeProvider.GetUtcNow(),
                Actor = actor,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidInputException("product_id", $"product {productId} does not exist");
        }
    }

    private const string GetSql = $"""
        -- PriceRuleStore.GetAsync
        SELECT {Columns} FROM price_rules
        WHERE coalesce(product_id, 0) = coalesce(@productId, 0) AND coalesce(platform, '') = coalesce(@platform, '')
        """;

    /// <summary>The rule stored for exactly this scope, without falling back to a wider one.</summary>
    public async Task<StoredPriceRule?> GetAsync(long? productId, string? platform, CancellationToken cancellationToken)
    {
        ValidateScope(productId, platform);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredPriceRule>(new CommandDefinition(GetSql,
            new { productId, platform }, cancellationToken: cancellationToken));
    }

    private const string DeleteSql = """
        -- PriceRuleStore.DeleteAsync
        DELETE FROM price_rules
        WHERE coalesce(product_id, 0) = coalesce(@productId, 0) AND coalesce(platform, '') = coalesce(@platform, '')
        """;

    /// <summary>Removes the rule of exactly this scope, so the next wider one applies; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long? productId, string? platform, CancellationToken cancellationToken)
    {
        ValidateScope(productId, platform);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { productId, platform }, cancellationToken: cancellationToken));
        return rows == 1;
    }

    private const string GetEffectiveSql = $"""
        -- PriceRuleStore.GetEffectiveAsync
        SELECT {Columns} FROM price_rules
        WHERE (product_id = @productId OR product_id IS NULL) AND (platform = @platform OR platform IS NULL)
        ORDER BY product_id IS NULL, platform IS NULL
        LIMIT 1
        """;

    /// <summary>
    /// The most specific rule for a product on a platform: product+platform, then product, then global+platform,
    /// then global, then <see cref="PriceRuleValues.BuiltInDefault"/>.
    /// </summary>
    public async Task<EffectivePriceRule> GetEffectiveAsync(long productId, string platform, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetEffectiveAsync(connection, null, productId, platform, cancellationToken);
    }

    /// <summary>The most specific rule, read on the caller's connection (inside its transaction when one is given).</summary>
    public async Task<EffectivePriceRule> GetEffectiveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long productId, string platform,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ValidateScope(productId, platform);
        var rule = await connection.QuerySingleOrDefaultAsync<StoredPriceRule>(new CommandDefinition(GetEffectiveSql,
            new { productId, platform }, transaction, cancellationToken: cancellationToken));
        if (rule is null)
        {
            return new EffectivePriceRule(PriceRuleLevel.BuiltIn, null, PriceRuleValues.BuiltInDefault);
        }

        var level = (rule.ProductId, rule.Platform) switch
        {
            (not null, not null) => PriceRuleLevel.ProductPlatform,
            (not null, null) => PriceRuleLevel.Product,
            (null, not null) => PriceRuleLevel.GlobalPlatform,
            _ => PriceRuleLevel.Global,
        };
        return new EffectivePriceRule(level, rule.Id, rule.Values);
    }

    private static void ValidateScope(long? productId, string? platform)
    {
        if (productId is <= 0)
        {
            throw new InvalidInputException("product_id", $"{productId} does not refer to a product; use null for the global rule");
        }

        if (platform is not null && !ChannelPlatforms.All.Contains(platform))
        {
            throw new InvalidInputException("platform", $"'{platform}' is not one of {string.Join(", ", ChannelPlatforms.All)}; use null for every platform");
        }
    }
}
