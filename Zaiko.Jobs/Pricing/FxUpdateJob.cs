using System.ComponentModel;
using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Fx;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Runs;

namespace Zaiko.Jobs.Pricing;

/// <summary>
/// Fetches the day's reference rates and stores them as published. Whether the fetch worked or not, it then
/// checks the newest stored rate of each listing currency: older than the limit, price syncs in that currency
/// are being held (the pricing rule refuses stale rates), and staff get a warning saying so.
/// </summary>
[Queue(JobQueues.Maintenance)]
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
public sealed partial class FxUpdateJob(FxFeedClient feed, FxRateStore rates, ErrorStore errors, IOptions<FxOptions> options, TimeProvider timeProvider, ILogger<FxUpdateJob> logger)
{
    [DisplayName("為替レート更新 (ECB)")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var fetched = await feed.FetchAsync(cancellationToken);
            var asOf = fetched.Max(r => r.AsOf);
            var saved = await rates.SaveAsync(FxRateSources.Ecb, asOf,
                fetched.Select(r => new NewFxRate(r.BaseCurrency, r.QuoteCurrency, r.Rate)).ToArray(), cancellationToken);
            LogSaved(logger, saved, asOf);
        }
        catch (Exception ex) when (ex is HttpRequestException or EcbFeedException or TimeoutRejectedException or BrokenCircuitException
                                       or OutboundRequestRejectedException or RateLimitBusyException or InvalidInputException)
        {
            LogFetchFailed(logger, ex.Message);
            await errors.RecordAsync(new NewError(ErrorTypes.ApiError, Severities.Low, "FX feed could not be read: " + ex.Message) { Platform = "fx" }, cancellationToken);
        }

        await WarnIfStaleAsync(cancellationToken);
    }

    private async Task WarnIfStaleAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var limit = TimeSpan.FromHours(options.Value.MaxAgeHours);
        var latest = await rates.ListLatestAsync(cancellationToken);
        foreach (var currency in options.Value.Currencies.Where(c => c != "EUR"))
        {
            var rate = latest.Where(r => r.QuoteCurrency == currency || r.BaseCurrency == currency).MaxBy(r => r.AsOf);
            if (rate is null || now - rate.AsOf > limit)
            {
                var age = rate is null ? "none stored" : string.Create(CultureInfo.InvariantCulture, $"the newest is from {rate.AsOf:yyyy-MM-dd HH:mm} UTC");
                await errors.RecordAsync(new NewError(ErrorTypes.FxStale, Severities.Medium,
                    $"no {currency} exchange rate younger than {options.Value.MaxAgeHours} h ({age}): price syncs that need it are held until a fresh or manual rate arrives")
                {
                    Platform = "fx",
                }, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Count} FX rates as of {AsOf:yyyy-MM-dd}")]
    private static partial void LogSaved(ILogger logger, int count, DateTimeOffset asOf);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FX feed could not be read: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string reason);
}
