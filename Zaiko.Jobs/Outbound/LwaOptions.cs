using System.ComponentModel.DataAnnotations;

namespace Zaiko.Jobs.Outbound;

/// <summary>
/// Section "Outbound:Lwa": the pipeline of Login with Amazon token requests, which the Amazon source and the Amazon
/// channel share. Where each asks (its token URL) and with which credentials stay in its own section.
/// </summary>
public sealed class LwaOptions
{
    public const string Section = "Outbound:Lwa";

    [Required]
    public ConnectorResilienceOptions Resilience { get; init; } = new();
}
