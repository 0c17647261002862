namespace Zaiko.Jobs.Alerts;

/// <summary>What an alert's dedup key is about, which decides how its repeats are held back.</summary>
public enum AlertScope
{
    /// <summary>A product, offer or system component: repeats within the cooldown are counted, not sent.</summary>
    Subject,

    /// <summary>A whole run (layout change, stock-out chain, multi-source failure): one alert per run, ever.</summary>
    Run,

    /// <summary>A product's stock-out: going out again within the stock-out cooldown (flapping) is not news.</summary>
    StockOut,
}
