using System.Globalization;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// One KPI of a day against its target: <see cref="Met"/> is null when there was nothing to measure, so "no
/// data" is never reported as met.
/// </summary>
public sealed record KpiResult(string Name, double? Value, string Unit, string Format, double Target, bool AtLeast)
{
    public bool? Met => Value is { } value ? (AtLeast ? value >= Target : value <= Target) : null;

    public string DisplayValue => Value is { } value ? value.ToString(Format, CultureInfo.InvariantCulture) + " " + Unit : "データなし";

    public string DisplayTarget => (AtLeast ? "≥ " : "≤ ") + Target.ToString("0.0", CultureInfo.InvariantCulture) + " " + Unit;

    public string DisplayVerdict => Met switch
    {
        true => "達成",
        false => "未達",
        null => "データなし",
    };
}
