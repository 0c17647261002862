using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Fx;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary>Everything <c>POST /_sandbox/reset</c> puts back to how the process started.</summary>
public sealed class SandboxState(
    YahooStore yahoo,
    AmazonStore amazon,
    EbayStore ebay,
    MercariStore mercari,
    FxRates fx,
    AccessTokens tokens,
    SpApiRateLimits rateLimits,
    FaultInjector faults,
    RequestJournal journal,
    DriftService drift,
    SandboxClock clock,
    SeededRandom random,
    SandboxOptions options)
{
    public void Reset()
    {
        drift.Stop();
        faults.Clear(null);
        yahoo.Items.Clear();
        amazon.Clear();
        ebay.Clear();
        mercari.Clear();
        fx.Reset();
        tokens.Clear();
        clock.Reset();
        rateLimits.Reset(null);
        journal.Clear();
        random.Reseed(options.Seed);
    }

    public object Status() => new
    {
        status = "ok",
        notice = "Zaiko sandbox: simulated marketplaces with DEMO DATA only",
        counts = new
        {
            yahoo = yahoo.Items.Count,
            amazonAsins = amazon.Asins.Count,
            amazonListings = amazon.Listings.Count,
            ebay = ebay.Offers.Count,
            mercari = mercari.Products.Count,
        },
        rateScale = rateLimits.Scale,
        clockOffsetSeconds = clock.Offset.TotalSeconds,
        now = clock.GetUtcNow(),
        drift = drift.Status,
        faults = faults.Current,
    };
}
