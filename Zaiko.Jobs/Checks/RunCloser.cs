using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.History;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// Closes a check run once its last check has reported, and applies the run-level anomaly rules: too many
/// unreadable Yahoo! pages (selectors need updating), a chain of stock-outs, several sources failing at
/// once. Each raises one critical error for the run instead of one per offer.
/// </summary>
public sealed partial class RunCloser(ExecutionStore executions, ErrorStore errors, StockHistoryStore history,
    MonitoringSettingsProvider settingsProvider, ILogger<RunCloser> logger)
{
    private static readonly HashSet<string> FailureTypes =
        [ErrorTypes.Blocked, ErrorTypes.LayoutChanged, ErrorTypes.Timeout, ErrorTypes.ApiError, ErrorTypes.RateLimited];

    /// <summary>Closes the run if it is complete; returns it when this call closed it.</summary>
    public async Task<Execution?> TryCloseAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var closed = await executions.TryCloseAsync(executionId, cancellationToken);
        if (closed is null)
        {
            return null;
        }

        LogClosed(logger, closed.ProcessType, executionId, closed.Status, closed.ProcessedCount, closed.UpdatedCount, closed.ErrorCount,
            (closed.EndedAt!.Value - closed.StartedAt).TotalSeconds);
        await RaiseRunAnomaliesAsync(closed, cancellationToken);
        return closed;
    }

    private async Task RaiseRunAnomaliesAsync(Execution run, CancellationToken cancellationToken)
    {
        var settings = await settingsProvider.GetAsync(cancellationToken);
        var checks = ChecksByPlatform(run.Details);
        var counts = await errors.CountForExecutionAsync(run.ExecutionId, cancellationToken);
        long Failures(string platform, Func<string, bool> type) => counts.Where(c => c.Platform == platform && type(c.ErrorType)).Sum(c => c.Count);

        var yahooChecks = checks.GetValueOrDefault(SourcePlatforms.Yahoo);
        var unreadable = Failures(SourcePlatforms.Yahoo, type => type == ErrorTypes.LayoutChanged);
        if (yahooChecks > 0 && unreadable * 100m / yahooChecks > settings.LayoutChangedRunThresholdPct)
        {
            await RaiseAsync(run, ErrorTypes.LayoutChanged, SourcePlatforms.Yahoo, Invariant(
                $"{unreadable} of {yahooChecks} Yahoo! pages ({unreadable * 100m / yahooChecks:0.0} %) could not be read in this run: the page layout changed and the selectors need update"),
                cancellationToken);
        }

        var stockOuts = await history.CountNewlyOutOfStockAsync(run.ExecutionId, cancellationToken);
        if (stockOuts > settings.StockOutChainThreshold)
        {
            await RaiseAsync(run, ErrorTypes.StockOutChain, null, Invariant(
                $"{stockOuts} offers went out of stock in one run (threshold {settings.StockOutChainThreshold}): check that the source pages are read correctly before trusting it"),
                cancellationToken);
        }

        var failing = checks
            .Where(pair => pair.Value > 0 && Failures(pair.Key, FailureTypes.Contains) * 100m / pair.Value > settings.SourceFailingThresholdPct)
            .Select(pair => $"{pair.Key} {Failures(pair.Key, FailureTypes.Contains)}/{pair.Value}")
            .ToArray();
        if (failing.Length >= 2)
        {
            await RaiseAsync(run, ErrorTypes.MultiSourceFailure, null,
                $"several sources are failing at once ({string.Join(", ", failing)} checks failed): suspect the network or this server", cancellationToken);
        }
    }

    private Task<long> RaiseAsync(Execution run, string type, string? platform, string message, CancellationToken cancellationToken)
    {
        LogRunAnomaly(logger, run.ProcessType, run.ExecutionId, type, message);
        return errors.RecordAsync(new NewError(type, Severities.Critical, message) { ExecutionId = run.ExecutionId, Platform = platform }, cancellationToken);
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
