using Zaiko.Data.Listings;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Jobs.Listings;

/// <summary>
/// What the rules want a listing to show: the state to store (<see cref="Desired"/>, with its holds and the reasons as
/// JSON) and the two decisions it came from.
/// </summary>
public sealed record ListingPlan(DesiredState Desired, QuantityDecision Quantity, PriceDecision Price);
