using System.Text.Json;
using Zaiko.Jobs.Outbound;

namespace Zaiko.Jobs.Sources.Amazon;

/// <summary>
/// Turns getItemOffers answers — alone, or as the entries of a getItemOffersBatch answer — into observations. The
/// fields the mapping reads are checked first (<see cref="JsonShape"/>); an answer without them is
/// <see cref="SourceStatus.LayoutChanged"/>, never a price or a stock. Mapping: the lowest New landed price is the
/// price (Japanese prices include consumption tax, so it is also the price including tax); an offer that ships
/// <c>NOW</c> means one unit can be bought; no buyable offers is Live with quantity 0; an ASIN Amazon does not
/// know is Gone (the check pipeline confirms that with a second check before it acts).
/// </summary>
public static class AmazonOffersReader
{
    private static readonly JsonShape ItemShape = JsonShape.Empty
        .Require("payload", JsonKind.Object)
        .Allow("payload.ASIN", JsonKind.String)
        .Require("payload.status", JsonKind.String)
        .Require("payload.Summary.TotalOfferCount", JsonKind.Number)
        .Require("payload.Offers", JsonKind.Array)
        .Require("payload.Offers[].ShippingTime.availabilityType", JsonKind.String);

    private static readonly JsonShape PricedShape = JsonShape.Empty
        .Require("payload.Summary.LowestPrices", JsonKind.Array)
        .Require("payload.Summary.LowestPrices[].condition", JsonKind.String);

    private static readonly JsonShape LandedPriceShape = JsonShape.Empty
        .Require("LandedPrice.Amount", JsonKind.Number)
        .Require("LandedPrice.CurrencyCode", JsonKind.String);

    private static readonly JsonShape BatchShape = JsonShape.Empty
        .Require("responses", JsonKind.Array)
        .Require("responses[].status.statusCode", JsonKind.Number)
        .Require("responses[].body", JsonKind.Object)
        .Allow("responses[].request.Asin", JsonKind.String);

    /// <summary>One observation per requested ASIN, in request order, from a getItemOffersBatch answer (HTTP 200).</summary>
    public static IReadOnlyList<SourceObservation> ReadBatch(IReadOnlyList<string> asins, JsonElement body, DateTimeOffset fetchedAt, long elapsedMs)
    {
        var problems = BatchShape.Check(body);
        if (problems.Count > 0)
        {
            return asins.Select(asin => Failed(asin, 200, fetchedAt, elapsedMs, SourceStatus.LayoutChanged, JsonShape.Describe(problems))).ToArray();
        }

        var entries = body.GetProperty("responses").EnumerateArray().ToArray();
        var observations = new SourceObservation[asins.Count];
        for (var i = 0; i < asins.Count; i++)
        {
            var index = Array.FindIndex(entries, entry => RequestedAsin(entry) is { } asin && asin.Equals(asins[i], StringComparison.OrdinalIgnoreCase));
            if (index < 0 && entries.Length == asins.Count && RequestedAsin(entries[i]) is null)
            {
                // Entries that do not name their ASIN answer the requests in order.
                index = i;
            }

            if (index < 0)
            {
                observations[i] = Failed(asins[i], 200, fetchedAt, elapsedMs, SourceStatus.LayoutChanged,
                    $"unexpected response shape: the batch answer has no entry for ASIN {asins[i]}");
                continue;
            }

            observations[i] = entries[index].GetProperty("status").GetProperty("statusCode").TryGetInt32(out var status)
                ? Read(asins[i], status, entries[index].GetProperty("body"), fetchedAt, elapsedMs, $"responses[{index}].body")
                : Failed(asins[i], 200, fetchedAt, elapsedMs, SourceStatus.LayoutChanged,
                    $"unexpected response shape: responses[{index}].status.statusCode is not a whole number");
        }

        return observations;
    }

    /// <summary>The observation of <paramref name="asin"/> from a getItemOffers answer with status <paramref name="httpStatus"/>.</summary>
    public static SourceObservation Read(string asin, int httpStatus, JsonElement body, DateTimeOffset fetchedAt, long elapsedMs, string at = "")
    {
        if (httpStatus != 200)
        {
            return FromError(asin, httpStatus, body, fetchedAt, elapsedMs);
        }

        var problems = ItemShape.Check(body, at);
        if (problems.Count > 0)
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.LayoutChanged, JsonShape.Describe(problems));
        }

        var payload = body.GetProperty("payload");
        if (payload.TryGetProperty("ASIN", out var answered) && answered.ValueKind == JsonValueKind.String
            && !asin.Equals(answered.GetString(), StringComparison.OrdinalIgnoreCase))
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.LayoutChanged, $"the answer is about ASIN {answered.GetString()}, not the requested {asin}");
        }

        var status = payload.GetProperty("status").GetString();
        var offers = payload.GetProperty("Offers").EnumerateArray().ToArray();
        if (status == "NoBuyableOffers" || (status == "Success" && offers.Length == 0))
        {
            return Observed(asin, httpStatus, fetchedAt, elapsedMs, price: null, currency: null, quantity: 0);
        }

        if (status != "Success")
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.LayoutChanged, $"unexpected response shape: payload.status is '{status}'");
        }

        return ReadPriced(asin, httpStatus, body, offers, fetchedAt, elapsedMs, at);
    }

    private static SourceObservation ReadPriced(string asin, int httpStatus, JsonElement body, JsonElement[] offers, DateTimeOffset fetchedAt, long elapsedMs, string at)
    {
        var problems = PricedShape.Check(body, at).ToList();
        var newPrices = new List<(decimal Amount, string Currency)>();
        if (problems.Count == 0)
        {
            var lowest = body.GetProperty("payload").GetProperty("Summary").GetProperty("LowestPrices").EnumerateArray().ToArray();
            for (var i = 0; i < lowest.Length; i++)
            {
                if (!string.Equals(lowest[i].GetProperty("condition").GetString(), "new", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var entryProblems = LandedPriceShape.Check(lowest[i], $"{Prefix(at)}payload.Summary.LowestPrices[{i}]");
                problems.AddRange(entryProblems);
                if (entryProblems.Count == 0 && lowest[i].GetProperty("LandedPrice").GetProperty("Amount").TryGetDecimal(out var amount))
                {
                    newPrices.Add((amount, lowest[i].GetProperty("LandedPrice").GetProperty("CurrencyCode").GetString()!));
                }
            }
        }

        if (problems.Count > 0)
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.LayoutChanged, JsonShape.Describe(problems));
        }

        if (newPrices.Count == 0)
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.LayoutChanged,
                $"unexpected response shape: {offers.Length} offer(s) but no New landed price in {Prefix(at)}payload.Summary.LowestPrices");
        }

        var cheapest = newPrices.MinBy(p => p.Amount);
        var shipsNow = offers.Any(offer => offer.GetProperty("ShippingTime").GetProperty("availabilityType").GetString() == "NOW");
        return Observed(asin, httpStatus, fetchedAt, elapsedMs, cheapest.Amount, cheapest.Currency, shipsNow ? 1 : 0);
    }

    private static SourceObservation FromError(string asin, int httpStatus, JsonElement body, DateTimeOffset fetchedAt, long elapsedMs)
    {
        var (code, message) = ErrorOf(body);
        var detail = $"HTTP {httpStatus}{(code is null ? "" : " " + code)}{(message is null ? "" : ": " + message)}";
        var unknownAsin = httpStatus == 404
            || (httpStatus == 400 && code == "InvalidInput" && message?.Contains(asin, StringComparison.OrdinalIgnoreCase) == true);
        if (unknownAsin)
        {
            return Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.Gone, $"{detail}: Amazon does not know ASIN {asin}");
        }

        return httpStatus is 401 or 403
            ? Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.Blocked, $"{detail}: SP-API refused the access token")
            : Failed(asin, httpStatus, fetchedAt, elapsedMs, SourceStatus.TransientError, $"{detail}; retry later");
    }

    /// <summary>An observation that says nothing about the offer; quantity only for Gone, as everywhere.</summary>
    public static SourceObservation Failed(string asin, int httpStatus, DateTimeOffset fetchedAt, long elapsedMs, SourceStatus status, string error) => new()
    {
        Status = status,
        SourceProductId = asin,
        Quantity = status == SourceStatus.Gone ? 0 : null,
        FetchedAt = fetchedAt,
        HttpStatus = httpStatus,
        ElapsedMs = elapsedMs,
        Error = error,
    };

    /// <summary>The first error of an SP-API error body (<c>{"errors":[{"code","message"}]}</c>), if it has one.</summary>
    public static (string? Code, string? Message) ErrorOf(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0 || errors[0].ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        return (Text(errors[0], "code"), Text(errors[0], "message"));
    }

    private static SourceObservation Observed(string asin, int httpStatus, DateTimeOffset fetchedAt, long elapsedMs, decimal? price, string? currency, int quantity) => new()
    {
        Status = SourceStatus.Live,
        SourceProductId = asin,
        Price = price,
        PriceIncludingTax = price,
        Currency = currency,
        Quantity = quantity,
        Layout = SourceLayouts.Api,
        FetchedAt = fetchedAt,
        HttpStatus = httpStatus,
        ElapsedMs = elapsedMs,
    };

    private static string? RequestedAsin(JsonElement entry) =>
        entry.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
            && Text(request, "Asin") is { Length: > 0 } asin ? asin : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Prefix(string at) => at.Length == 0 ? "" : at + ".";
}
