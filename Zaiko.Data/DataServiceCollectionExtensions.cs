using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Zaiko.Data.Alerts;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Fx;
using Zaiko.Data.Health;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Data.Migrations;
using Zaiko.Data.Pricing;
using Zaiko.Data.Products;
using Zaiko.Data.RateLimits;
using Zaiko.Data.Security;
using Zaiko.Data.Settings;
using Zaiko.Data.Users;

namespace Zaiko.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Zaiko";

    public static IHostApplicationBuilder AddZaikoData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Zaiko is not set. Set the environment variable ConnectionStrings__Zaiko " +
                "(scripts/db.sh url prints one for the local cluster).");
        }

        builder.Services.AddZaikoData(connectionString);
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IServiceCollection AddZaikoData(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ProductStore>();
        services.AddSingleton<InventoryStore>();
        services.AddSingleton<StockHistoryStore>();
        services.AddSingleton<ExecutionStore>();
        services.AddSingleton<ErrorStore>();
        services.AddSingleton<RateLimitStore>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<ListingStore>();
        services.AddSingleton<PriceRuleStore>();
        services.AddSingleton<FxRateStore>();
        services.AddSingleton<HealthCheckStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertLogStore>();
        services.AddSingleton<DailySummaryStore>();
        services.AddSingleton<ProductQueries>();
        services.AddSingleton<ExecutionQueries>();
        services.AddSingleton<ErrorQueries>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<SetupTokenStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        return services;
    }

    /// <summary>Statements prepared per connection unless the connection string says otherwise (Max Auto Prepare).</summary>
    public const int AutoPreparedStatements = 100;

    private static bool Sets(string connectionString, string keyword)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>();
        return keys.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The one way a data source is made, so Dapper's process-wide settings are always in place before use.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        DapperConfiguration.Apply();
        return new NpgsqlDataSourceBuilder(TuneConnectionString(connectionString, "zaiko")).Build();
    }

    /// <summary>
    /// The connection settings of every connection Zaiko opens — its own and Hangfire's — unless the connection
    /// string already sets them: statements prepared per connection, no session reset on return to the pool.
    /// </summary>
    public static string TuneConnectionString(string connectionString, string applicationName)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:Zaiko is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        parsed.ApplicationName ??= applicationName;
        if (!Sets(connectionString, "MaxAutoPrepare"))
        {
            // Every statement here is fixed text with parameters, run thousands of times an hour: prepared once
            // per connection, PostgreSQL stops parsing and planning it on every check (planning alone took up to
            // a quarter of a millisecond each for the hottest ones, measured with pg_stat_statements).
            parsed.MaxAutoPrepare = AutoPreparedStatements;
            parsed.AutoPrepareMinUsages = 2;
        }

        if (!Sets(connectionString, "NoResetOnClose"))
        {
            // Neither Zaiko nor Hangfire keeps session state on a pooled connection (no SET, temporary tables or
            // LISTEN — Hangfire.PostgreSql listens only with EnableLongPolling, which Zaiko leaves off; the one
            // session advisory lock, the migrator's, is released in a finally), so the reset Npgsql would send on
            // every return to the pool (DISCARD ALL, or a longer list once statements are prepared) is pure cost.
            parsed.NoResetOnClose = true;
        }

        return parsed.ConnectionString;
    }
}
