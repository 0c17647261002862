using System.ComponentModel.DataAnnotations;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>The usage plan of one SP-API operation: requests per second restored, and the burst the bucket holds.</summary>
public sealed class AmazonOperationRate
{
    [Range(0.001, 1000)]
    public double RequestsPerSecond { get; init; }

    [Range(1, 1000)]
    public double Burst { get; init; }

    /// <summary>The cluster-wide bucket of operation <paramref name="operation"/>, e.g. <c>source:amazon:getItemOffersBatch</c>.</summary>
    public RateLimitRule Rule(string operation) => new($"source:{AmazonPricingClient.Source}:{operation}", RequestsPerSecond, Burst);
}
