using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.History;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Closes a check run once its last check has reported, and applies the run-level anomaly rules: too many
/// unreadable Yahoo! pages (selectors need updating), a chain of stock-outs, several sources failing at
/// once. Each raises one critical error for the run instead of one per offer. Closing and raising are one
/// transaction: whoever sees the run closed sees its critical errors too, and a process that dies in between
/// leaves the run open for the next check (or the stale-run sweep) rather than closed without its alerts.
/// </summary>
public sealed partial class RunCloser(NpgsqlDataSource dataSource, ExecutionStore executions, ErrorStore errors, StockHistoryStore history,
    MonitoringSettingsProvider settingsProvider, ILogger<RunCloser> logger)
{
    private static readonly HashSet<string> FailureTypes =
        [ErrorTypes.Blocked, ErrorTypes.LayoutChanged, ErrorTypes.Timeout, ErrorTypes.ApiError, ErrorTypes.RateLimited];

    /// <summary>Closes the run if it is complete; returns it when this call closed it.</summary>
    public async Task<Execution?> TryCloseAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var settings = await settingsProvider.GetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var closed = await executions.TryCloseAsync(connection, transaction, executionId, cancellationToken);
        if (closed is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var anomalies = await RunAnomaliesAsync(connection, transaction, closed, settings, cancellationToken);
        foreach (var anomaly in anomalies)
        {
            await errors.RecordAsync(connection, transaction, anomaly, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogClosed(logger, closed.ProcessType, executionId, closed.Status, closed.ProcessedCount, closed.UpdatedCount, closed.ErrorCount,
            (closed.EndedAt!.Value - closed.StartedAt).TotalSeconds);
        foreach (var anomaly in anomalies)
        {
            LogRunAnomaly(logger, closed.ProcessType, executionId, anomaly.ErrorType, anomaly.Message);
        }

        return closed;
    }

    private async Task<IReadOnlyList<NewError>> RunAnomaliesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Execution run,
        MonitoringSettings settings, CancellationToken cancellationToken)
    {
        var anomalies = new List<NewError>();
        NewError Critical(string type, string? platform, string message) =>
            new(type, Severities.Critical, message) { ExecutionId = run.ExecutionId, Platform = platform };

        var checks = ChecksByPlatform(run.Details);
        var counts = await errors.CountForExecutionAsync(connection, transaction, run.ExecutionId, cancellationToken);
        long Failures(string platform, Func<string, bool> type) => counts.Where(c => c.Platform == platform && type(c.ErrorType)).Sum(c => c.Count);

        var yahooChecks = checks.GetValueOrDefault(SourcePlatforms.Yahoo);
        var unreadable = Failures(SourcePlatforms.Yahoo, type => type == ErrorTypes.LayoutChanged);
        if (yahooChecks > 0 && unreadable * 100m / yahooChecks > settings.LayoutChangedRunThresholdPct)
        {
            anomalies.Add(Critical(ErrorTypes.LayoutChanged, SourcePlatforms.Yahoo, Invariant(
                $"{unreadable} of {yahooChecks} Yahoo! pages ({unreadable * 100m / yahooChecks:0.0} %) could not be read in this run: the page layout changed and the selectors need update")));
        }

        var stockOuts = await history.CountNewlyOutOfStockAsync(connection, transaction, run.ExecutionId, cancellationToken);
        if (stockOuts > settings.StockOutChainThreshold)
        {
            anomalies.Add(Critical(ErrorTypes.StockOutChain, null, Invariant(
                $"{stockOuts} offers went out of stock in one run (threshold {settings.StockOutChainThreshold}): check that the source pages are read correctly before trusting it")));
        }

        var failing = checks
            .Where(pair => pair.Value > 0 && Failures(pair.Key, FailureTypes.Contains) * 100m / pair.Value > settings.SourceFailingThresholdPct)
            .Select(pair => $"{pair.Key} {Failures(pair.Key, FailureTypes.Contains)}/{pair.Value}")
            .ToArray();
        if (failing.Length >= 2)
        {
            anomalies.Add(Critical(ErrorTypes.MultiSourceFailure, null,
                $"several sources are failing at once ({string.Join(", ", failing)} checks failed): suspect the network or this server"));
        }

        return anomalies;
    }

    /// <summary>The fan-out writes {"checks": {"yahoo": n, "amazon": m}} into the run's details.</summary>
    private static Dictionary<string, long> ChecksByPlatform(string details)
    {
        using var document = JsonDocument.Parse(details);
        return document.RootElement.TryGetProperty("checks", out var checks) && checks.ValueKind == JsonValueKind.Object
            ? checks.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal)
            : [];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {ProcessType} {ExecutionId} closed as {Status}: {Processed} checked, {Updated} changed, {Errors} failed in {Seconds:0.0} s")]
    private static partial void LogClosed(ILogger logger, string processType, Guid executionId, string status, int processed, int updated, int errors, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {ProcessType} {ExecutionId}: {ErrorType}: {Message}")]
    private static partial void LogRunAnomaly(ILogger logger, string processType, Guid executionId, string errorType, string message);
}
