using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary>
/// Random changes to the sources over time (prices, stock, ends, titles), for the demo and soak tests. Changes are
/// spread evenly: each tick applies the whole changes owed since the last one.
/// </summary>
public sealed class DriftService(YahooStore yahoo, AmazonStore amazon, SeededRandom random, ILogger<DriftService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    private readonly Lock gate = new();
    private DriftSettings? settings;
    private double owed;
    private long applied;

    public object Status
    {
        get
        {
            lock (gate)
            {
                return new { running = settings is { PerMinute: > 0 }, perMinute = settings?.PerMinute ?? 0, kinds = settings?.Kinds ?? [], applied };
            }
        }
    }

    public void Start(DriftSettings value)
    {
        lock (gate)
        {
            settings = value;
            owed = 0;
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            settings = null;
            owed = 0;
            applied = 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            DriftSettings? current;
            int due;
            lock (gate)
            {
                current = settings;
                owed += (current?.PerMinute ?? 0) * Tick.TotalMinutes;
                due = (int)owed;
                owed -= due;
                applied += due;
            }

            for (var i = 0; i < due && current is not null; i++)
            {
                ApplyOne(current.Kinds[random.Next(current.Kinds.Count)]);
            }

            if (due > 0)
            {
                logger.LogDebug("Drift applied {Count} changes", due);
            }
        }
    }

    private void ApplyOne(string kind)
    {
        var total = yahoo.Items.Count + amazon.Asins.Count;
        if (total == 0)
        {
            return;
        }

        if (random.Next(total) < yahoo.Items.Count)
        {
            if (yahoo.Items.RandomKey(random) is { } auctionId)
            {
                yahoo.Update(auctionId, item => ChangeYahoo(item, kind));
            }
        }
        else if (amazon.Asins.RandomKey(random) is { } asin)
        {
            amazon.Asins.Update(asin, item => ChangeAmazon(item, kind));
        }
    }

    private YahooItem ChangeYahoo(YahooItem item, string kind)
    {
        if (item.Status != YahooItem.Open)
        {
            return item;
        }

        return kind switch
        {
            // Mostly a new bid a few percent up; now and then a jump large enough to trip the anomaly rule.
            DriftSettings.Price => item with
            {
                Price = random.Next(20) == 0 ? item.Price * 2 : item.Price + Math.Max(100, item.Price * random.Next(2, 15) / 100 / 10 * 10),
                Bids = item.Bids + 1,
            },
            DriftSettings.Stock => item with { Quantity = item.Quantity > 1 ? item.Quantity - 1 : random.Next(1, 4) },
            DriftSettings.End => item with { Status = YahooItem.Closed },
            _ => item with { Title = SampleTitles.Next(random) },
        };
    }

    private AmazonAsin ChangeAmazon(AmazonAsin item, string kind) => kind switch
    {
        DriftSettings.Price => item with { LowestPrice = Math.Max(1, Math.Round(item.LowestPrice * random.Next(85, 116) / 100m)) },
        DriftSettings.Stock => item with { OfferCount = Math.Max(1, item.OfferCount + random.Next(-2, 3)), InStock = true },
        DriftSettings.End => item with { InStock = false },
        _ => item with { Title = SampleTitles.Next(random) },
    };
}
