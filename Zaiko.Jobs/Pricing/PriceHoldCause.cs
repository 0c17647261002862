namespace Zaiko.Jobs.Pricing;

/// <summary>Why a price was not ready, for callers that act on it (e.g. a stale rate raises an fx_stale error).</summary>
public enum PriceHoldCause
{
    None,
    MissingSourcePrice,
    InvalidRule,
    FxMissing,
    FxStale,
    LimitsCurrencyMismatch,
    MaxStepExceeded,
}
