namespace Zaiko.Jobs.Pricing;

public enum PriceOutcome
{
    /// <summary>The price may be pushed.</summary>
    Ready,

    /// <summary>A price was computed, but it moves too far from the confirmed one: a person approves it first.</summary>
    HeldForReview,

    /// <summary>No safe price could be computed; the channel keeps its current price.</summary>
    Held,
}
