using Dapper;
using Npgsql;

namespace Zaiko.Data.Fx;

/// <summary>
/// Exchange rates as published (the ECB's are per 1 EUR) or entered by staff. Cross rates such as JPY/USD are
/// not stored: they are derived at decision time, so nothing is lost to the column's eight decimal places.
/// </summary>
public sealed class FxRateStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Columns = "base_currency, quote_currency, rate, source, as_of, fetched_at";

    private const string SaveSql = """
        -- FxRateStore.SaveAsync
        INSERT INTO fx_rates (base_currency, quote_currency, rate, source, as_of, fetched_at)
        SELECT r.base_currency, r.quote_currency, r.rate, @source, @asOf, @now
        FROM unnest(@bases, @quotes, @rates) AS r (base_currency, quote_currency, rate)
        ON CONFLICT (base_currency, quote_currency, as_of) DO UPDATE
            SET rate = excluded.rate, source = excluded.source, fetched_at = excluded.fetched_at
        """;

    /// <summary>
    /// Saves one publication's rates in a single statement: all of them or, on any invalid rate, none. Saving the
    /// same pair and <paramref name="asOf"/> again replaces the rate (a re-fetched feed, a corrected manual rate).
    /// </summary>
    public async Task<int> SaveAsync(string source, DateTimeOffset asOf, IReadOnlyList<NewFxRate> rates, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        Validate(source, asOf, rates, now);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SaveSql, new
        {
            source,
            asOf = asOf.ToUniversalTime(),
            now,
            bases = rates.Select(rate => rate.BaseCurrency).ToArray(),
            quotes = rates.Select(rate => rate.QuoteCurrency).ToArray(),
            rates = rates.Select(rate => rate.Rate).ToArray(),
        }, cancellationToken: cancellationToken));
    }

    private const string GetLatestSql = $"""
        -- FxRateStore.GetLatestAsync
        SELECT {Columns} FROM fx_rates
        WHERE base_currency = @baseCurrency AND quote_currency = @quoteCurrency
        ORDER BY as_of DESC
        LIMIT 1
        """;

    /// <summary>The newest rate of exactly this pair (no inverse, no cross), or null when none was ever saved.</summary>
    public async Task<StoredFxRate?> GetLatestAsync(string baseCurrency, string quoteCurrency, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredFxRate>(new CommandDefinition(GetLatestSql,
            new { baseCurrency, quoteCurrency }, cancellationToken: cancellationToken));
    }

    private const string ListLatestSql = $"""
        -- FxRateStore.ListLatestAsync
        SELECT DISTINCT ON (base_currency, quote_currency) {Columns}
        FROM fx_rates
        ORDER BY base_currency, quote_currency, as_of DESC
        """;

    /// <summary>The newest rate of every pair, ordered by pair: the input for deriving any cross rate.</summary>
    public async Task<IReadOnlyList<StoredFxRate>> ListLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ListLatestAsync(connection, null, cancellationToken);
    }

    /// <summary>The newest rate of every pair, on the caller's connection (inside its transaction when one is given).</summary>
    public async Task<IReadOnlyList<StoredFxRate>> ListLatestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StoredFxRate>(new CommandDefinition(ListLatestSql, transaction: transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private static void Validate(string source, DateTimeOffset asOf, IReadOnlyList<NewFxRate> rates, DateTimeOffset now)
    {
        if (source is null || !FxRateSources.All.Contains(source))
        {
            throw new InvalidInputException("source", $"'{source}' is not one of {string.Join(", ", FxRateSources.All)}");
        }

        // A rate dated ahead would count as fresh for longer than it is, defeating the staleness hold.
        if (asOf > now)
        {
            throw new InvalidInputException("as_of", $"{asOf:O} is in the future (now {now:O})");
        }

        if (rates is null || rates.Count == 0)
        {
            throw new InvalidInputException("rates", "at least one rate is required");
        }

        var pairs = new HashSet<(string, string)>();
        foreach (var rate in rates)
        {
            rate.Validate();
            if (!pairs.Add((rate.BaseCurrency, rate.QuoteCurrency)))
            {
                throw new InvalidInputException("rates", $"{rate.BaseCurrency}/{rate.QuoteCurrency} appears more than once");
            }
        }
    }
}
