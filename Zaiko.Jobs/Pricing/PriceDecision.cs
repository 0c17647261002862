namespace Zaiko.Jobs.Pricing;

/// <summary>
/// The outcome of pricing one listing. <see cref="Price"/> is null when <see cref="Outcome"/> is
/// <see cref="PriceOutcome.Held"/>, and is the proposed price awaiting approval when it is
/// <see cref="PriceOutcome.HeldForReview"/>. <see cref="Reason"/> is set whenever something deserves a
/// person's attention (a hold, a floor or ceiling applied); <see cref="Trace"/> always shows the arithmetic.
/// </summary>
public sealed record PriceDecision(
    decimal? Price,
    string Currency,
    PriceOutcome Outcome,
    string? Reason,
    PricingTrace Trace,
    PriceHoldCause Cause);
