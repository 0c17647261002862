using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>What one dispatch pass does with the events it read: alerts to raise and repeats to hold back.</summary>
public sealed record AlertPlan(IReadOnlyList<NewAlert> Alerts, IReadOnlyList<AlertSuppression> Suppressions);
