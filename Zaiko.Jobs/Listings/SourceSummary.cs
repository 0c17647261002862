using Zaiko.Data;
using Zaiko.Data.Inventory;
using Zaiko.Jobs.Pricing;
using Zaiko.Jobs.Settings;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// What a product's monitored offers together say: its state, sellable stock and purchase price (JPY,
/// tax included). Usually one offer; with several, live offers add up and the cheapest one with stock prices it.
/// </summary>
public sealed record SourceSummary(SourceState State, int? Stock, decimal? PriceJpy, string Description)
{
    public static SourceSummary Of(IReadOnlyList<MonitoredOffer> offers, MonitoringSettings settings)
    {
        var monitored = offers.Where(o => o.MonitoringEnabled).ToArray();
        var live = monitored.Where(o => o.UrlStatus == UrlStatuses.Active).ToArray();
        if (live.Length > 0)
        {
            var stock = live.Any(o => o.CurrentStock is null) ? (int?)null : live.Sum(o => o.CurrentStock!.Value);
            var withStock = live.Where(o => o.CurrentStock is > 0).ToArray();
            var priced = (withStock.Length > 0 ? withStock : live).Select(o => o.PriceInclTax ?? o.CurrentPrice).Min();
            return new SourceSummary(SourceState.Live, stock, priced, $"{live.Length} live offer(s), stock {stock?.ToString() ?? "unknown"}");
        }

        if (monitored.Length > 0 && monitored.All(o => o.UrlStatus is UrlStatuses.Ended or UrlStatuses.Dead))
        {
            var state = monitored.All(o => o.UrlStatus == UrlStatuses.Dead) ? SourceState.Gone : SourceState.Ended;
            return new SourceSummary(state, 0, null, $"every offer {(state == SourceState.Gone ? "gone" : "ended")}");
        }

        if (monitored.Any(o => o.UrlStatus == UrlStatuses.Unverifiable))
        {
            return settings.UnverifiableListingPolicy == UnverifiableListingPolicies.Zero
                ? new SourceSummary(SourceState.Ended, 0, null, "offer unverifiable; the policy setting lowers listings to 0")
                : new SourceSummary(SourceState.Unverifiable, null, null, "offer unverifiable; the policy setting holds listings");
        }

        return new SourceSummary(SourceState.Unknown, null, null, monitored.Length == 0 ? "no monitored offer" : "no offer could be read");
    }
}
