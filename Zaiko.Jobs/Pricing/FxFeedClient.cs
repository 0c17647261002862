using Microsoft.Extensions.Options;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Pricing;

/// <summary>Fetches the daily reference-rate feed through the guarded outbound pipeline.</summary>
public sealed class FxFeedClient(HttpClient http, IOptions<FxOptions> options)
{
    public static readonly OutboundPolicy Policy = new("fx", ["www.ecb.europa.eu"], ["text/xml", "application/xml"]);

    public async Task<IReadOnlyList<FxRate>> FetchAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(options.Value.FeedUrl, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return EcbFeedParser.Parse(body, options.Value.Currencies);
    }
}
