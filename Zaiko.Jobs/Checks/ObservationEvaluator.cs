using System.Globalization;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.History;
using Zaiko.Data.Inventory;
using Zaiko.Jobs.Settings;
using Zaiko.Jobs.Sources;

namespace Zaiko.Jobs.Checks;

/// <summary>
/// The safety rules of DESIGN.md section 6 as one pure function: given an offer and what a check saw,
/// decide the offer's new state. Stock goes down only on positive evidence — ended, or gone twice at least
/// <see cref="MonitoringSettings.GoneConfirmationMinutes"/> apart; a failed check never touches stock.
/// </summary>
public static class ObservationEvaluator
{
    public static OfferTransition Evaluate(MonitoredOffer offer, SourceObservation observation, CheckContext context, MonitoringSettings settings)
    {
        var unchanged = Unchanged(offer, observation, context);
        return observation.Status switch
        {
            SourceStatus.Live => Live(offer, observation, context, settings, unchanged),
            SourceStatus.Ended => Finished(offer, observation, context, unchanged with
            {
                UrlStatus = UrlStatuses.Ended,
                CurrentStock = 0,
                CurrentPrice = observation.Price ?? offer.CurrentPrice,
                PriceInclTax = observation.PriceIncludingTax ?? offer.PriceInclTax,
                Bids = observation.Bids ?? offer.Bids,
                SourceEndTime = observation.EndTime ?? offer.SourceEndTime,
                LastVerifiedAt = observation.FetchedAt,
                LayoutStatus = observation.Layout ?? offer.LayoutStatus,
            }, errors: []),
            SourceStatus.Gone => Gone(offer, observation, context, settings, unchanged),
            _ => Failure(offer, observation, context, settings, unchanged),
        };
    }

    /// <summary>The offer as a check that learned nothing new leaves it: checked now, counted for this run, by this actor.</summary>
    private static MonitoredOffer Unchanged(MonitoredOffer offer, SourceObservation observation, CheckContext context) => offer with
    {
        LastCheckedAt = observation.FetchedAt,
        LastExecutionId = context.ExecutionId ?? offer.LastExecutionId,
        UpdatedBy = context.Actor,
    };

    private static OfferTransition Live(MonitoredOffer offer, SourceObservation observation, CheckContext context, MonitoringSettings settings, MonitoredOffer unchanged)
    {
        if (offer.TitleHash is not null && observation.TitleHash is not null && offer.TitleHash != observation.TitleHash)
        {
            // A different product at the same URL: never take its stock or price, hold and alert.
            var message = $"the page now shows a different product: 「{observation.Title}」 (was 「{offer.Title}」)";
            var result = unchanged with { UrlStatus = UrlStatuses.Changed, ConsecutiveFailures = 0, GoneSuspectedAt = null, LastError = message };
            return new OfferTransition(result, HistoryOf(offer, result, context), [Error(offer, context, ErrorTypes.ProductChanged, Severities.High, message, observation)])
            {
                ProductHoldReason = HoldReasons.Of(HoldReasons.ProductChanged, message),
            };
        }

        var live = unchanged with
        {
            Title = observation.Title ?? offer.Title,
            TitleHash = offer.TitleHash ?? observation.TitleHash,
            CurrentStock = observation.Quantity ?? offer.CurrentStock,
            CurrentPrice = observation.Price ?? offer.CurrentPrice,
            PriceInclTax = observation.PriceIncludingTax ?? observation.Price ?? offer.PriceInclTax,
            BuyNowPrice = observation.BuyNowPrice,
            Currency = observation.Currency ?? offer.Currency,
            Bids = observation.Bids ?? offer.Bids,
            SourceEndTime = observation.EndTime ?? offer.SourceEndTime,
            UrlStatus = offer.UrlStatus == UrlStatuses.Changed ? UrlStatuses.Changed : UrlStatuses.Active,
            LayoutStatus = observation.Layout ?? offer.LayoutStatus,
            LastVerifiedAt = observation.FetchedAt,
            ConsecutiveFailures = 0,
            GoneSuspectedAt = null,
            LastError = null,
        };

        var errors = new List<NewError>();
        string? priceHold = null;
        if (offer.CurrentPrice is > 0 && live.CurrentPrice is { } newPrice && newPrice != offer.CurrentPrice)
        {
            var movePct = (newPrice - offer.CurrentPrice.Value) / offer.CurrentPrice.Value * 100m;
            if (Math.Abs(movePct) > settings.PriceSpikeThresholdPct)
            {
                priceHold = HoldReasons.Of(HoldReasons.PriceSpike, string.Create(CultureInfo.InvariantCulture,
                    $"{offer.CurrentPrice:0.##} → {newPrice:0.##} {live.Currency} ({movePct:+0.0;-0.0} %, threshold ±{settings.PriceSpikeThresholdPct:0.#} %)"));
                errors.Add(Error(offer, context, ErrorTypes.PriceSpike, Severities.Medium, priceHold, observation));
            }
        }

        var endCheck = observation.EndTime is { } end && end > observation.FetchedAt && (end != offer.SourceEndTime || offer.EndCheckJobId is null)
            ? end.AddMinutes(settings.EndTimeCheckDelayMinutes)
            : (DateTimeOffset?)null;
        return new OfferTransition(live, HistoryOf(offer, live, context), errors)
        {
            PriceHoldReason = priceHold,
            EndCheckAt = endCheck,
        };
    }

    private static OfferTransition Gone(MonitoredOffer offer, SourceObservation observation, CheckContext context, MonitoringSettings settings, MonitoredOffer unchanged)
    {
        var confirmation = TimeSpan.FromMinutes(settings.GoneConfirmationMinutes);
        if (offer.GoneSuspectedAt is { } suspected && observation.FetchedAt - suspected >= confirmation)
        {
            var message = $"HTTP {observation.HttpStatus} twice, {(observation.FetchedAt - suspected).TotalMinutes:0} minutes apart: the item is gone";
            return Finished(offer, observation, context, unchanged with
            {
                UrlStatus = UrlStatuses.Dead,
                CurrentStock = 0,
                LastVerifiedAt = observation.FetchedAt,
                GoneSuspectedAt = suspected,
                LastError = message,
            }, [Error(offer, context, ErrorTypes.UrlDead, Severities.Low, message, observation)]);
        }

        // First sighting (or too soon after it): remember it and look again once the confirmation delay has passed.
        var since = offer.GoneSuspectedAt ?? observation.FetchedAt;
        var result = unchanged with { GoneSuspectedAt = since, LastError = observation.Error ?? $"HTTP {observation.HttpStatus}" };
        return new OfferTransition(result, HistoryOf(offer, result, context), []) { GoneRecheckAt = since + confirmation };
    }

    private static OfferTransition Finished(MonitoredOffer offer, SourceObservation observation, CheckContext context, MonitoredOffer result, IReadOnlyList<NewError> errors) =>
        new(result with { ConsecutiveFailures = 0 }, HistoryOf(offer, result, context), errors)
        {
            NewlyOutOfStock = offer.CurrentStock is > 0 && result.CurrentStock == 0,
        };

    private static OfferTransition Failure(MonitoredOffer offer, SourceObservation observation, CheckContext context, MonitoringSettings settings, MonitoredOffer unchanged)
    {
        var failures = offer.ConsecutiveFailures + 1;
        var message = observation.Error ?? $"{observation.Status} (HTTP {observation.HttpStatus})";
        var (type, severity) = observation.Status switch
        {
            SourceStatus.Blocked => (ErrorTypes.Blocked, Severities.Medium),
            SourceStatus.LayoutChanged => (ErrorTypes.LayoutChanged, Severities.Medium),
            _ when observation.HttpStatus == 429 => (ErrorTypes.RateLimited, Severities.Low),
            _ when observation.HttpStatus == 0 => (ErrorTypes.Timeout, Severities.Low),
            _ => (ErrorTypes.ApiError, Severities.Low),
        };

        var errors = new List<NewError> { Error(offer, context, type, severity, message, observation) };
        var status = observation.Status == SourceStatus.Blocked && offer.UrlStatus == UrlStatuses.Active ? UrlStatuses.Blocked : offer.UrlStatus;
        if (failures >= settings.UnverifiableAfterFailures && offer.UrlStatus is not (UrlStatuses.Ended or UrlStatuses.Dead))
        {
            status = UrlStatuses.Unverifiable;
            if (offer.UrlStatus != UrlStatuses.Unverifiable)
            {
                errors.Add(Error(offer, context, ErrorTypes.Unverifiable, Severities.High,
                    $"{failures} checks in a row failed; stock cannot be verified (last: {message})", observation));
            }
        }

        var result = unchanged with
        {
            UrlStatus = status,
            LayoutStatus = observation.Status == SourceStatus.LayoutChanged ? "changed" : offer.LayoutStatus,
            ConsecutiveFailures = failures,
            LastError = message,
        };
        return new OfferTransition(result, HistoryOf(offer, result, context), errors) { Failed = true };
    }

    private static StockChange? HistoryOf(MonitoredOffer offer, MonitoredOffer result, CheckContext context)
    {
        var change = new StockChange(offer.Id, offer.ProductId, offer.CurrentStock, result.CurrentStock, offer.CurrentPrice, result.CurrentPrice,
            offer.UrlStatus, result.UrlStatus, context.ChangeSource, context.ExecutionId);
        return change.IsChange ? change : null;
    }

    private static NewError Error(MonitoredOffer offer, CheckContext context, string type, string severity, string message, SourceObservation observation) =>
        new(type, severity, message)
        {
            ExecutionId = context.ExecutionId,
            ProductId = offer.ProductId,
            InventoryId = offer.Id,
            ProductTitle = offer.Title,
            SourceUrl = offer.SourceUrl,
            Platform = offer.SourcePlatform,
            ErrorCode = observation.HttpStatus > 0 ? "HTTP_" + observation.HttpStatus.ToString(CultureInfo.InvariantCulture) : null,
        };
}
