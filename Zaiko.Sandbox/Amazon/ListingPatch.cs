using System.Text.Json;

namespace Zaiko.Sandbox.Amazon;

/// <summary>
/// A patchListingsItem body reduced to what the sandbox tracks: price (<c>purchasable_offer</c>), quantity
/// (<c>fulfillment_availability</c>) and title (<c>item_name</c>). Other attributes are accepted and ignored, as a
/// real listing would keep them without us reading them back.
/// </summary>
public sealed record ListingPatch(decimal? Price, string? Currency, int? Quantity, string? Title, IReadOnlyList<object> Issues)
{
    private static readonly HashSet<string> Ops = ["add", "replace", "merge", "delete"];

    /// <summary>Throws <see cref="FormatException"/> for a body the API answers with 400.</summary>
    public static ListingPatch Parse(JsonElement root)
    {
        if (!root.TryGetProperty("productType", out var productType) || productType.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("productType is required");
        }

        if (!root.TryGetProperty("patches", out var patches) || patches.ValueKind != JsonValueKind.Array || patches.GetArrayLength() == 0)
        {
            throw new FormatException("patches must be a non-empty array");
        }

        var result = new ListingPatch(null, null, null, null, []);
        var issues = new List<object>();
        foreach (var patch in patches.EnumerateArray())
        {
            var op = patch.GetProperty("op").GetString() ?? "";
            var path = patch.GetProperty("path").GetString() ?? "";
            if (!Ops.Contains(op) || !path.StartsWith("/attributes/", StringComparison.Ordinal))
            {
                throw new FormatException($"invalid patch op '{op}' or path '{path}'");
            }

            var attribute = path["/attributes/".Length..];
            var first = patch.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                ? value[0] : default;
            result = attribute switch
            {
                "fulfillment_availability" when op == "delete" => result with { Quantity = 0 },
                "fulfillment_availability" => WithQuantity(result, first, issues),
                "purchasable_offer" when op != "delete" => WithPrice(result, first, issues),
                "item_name" when op != "delete" && first.ValueKind == JsonValueKind.Object && first.TryGetProperty("value", out var name) =>
                    result with { Title = name.GetString() },
                _ => result,
            };
        }

        return result with { Issues = issues };
    }

    public AmazonListing ApplyTo(AmazonListing listing) => listing with
    {
        Price = Price ?? listing.Price,
        Currency = Currency ?? listing.Currency,
        Quantity = Quantity ?? listing.Quantity,
        Title = Title ?? listing.Title,
    };

    private static ListingPatch WithQuantity(ListingPatch result, JsonElement first, List<object> issues)
    {
        if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty("quantity", out var quantity)
            && quantity.ValueKind == JsonValueKind.Number && quantity.TryGetInt32(out var value) && value >= 0)
        {
            return result with { Quantity = value };
        }

        issues.Add(Invalid("fulfillment_availability", "The value of 'quantity' must be a whole number of 0 or more."));
        return result;
    }

    private static ListingPatch WithPrice(ListingPatch result, JsonElement first, List<object> issues)
    {
        try
        {
            var schedule = first.GetProperty("our_price")[0].GetProperty("schedule")[0].GetProperty("value_with_tax");
            var price = schedule.GetDecimal();
            if (price >= 0)
            {
                return result with
                {
                    Price = price,
                    Currency = first.TryGetProperty("currency", out var currency) ? currency.GetString() : result.Currency,
                };
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException or FormatException)
        {
            // Falls through to the INVALID issue below, as Amazon reports a malformed attribute rather than failing the call.
        }

        issues.Add(Invalid("purchasable_offer", "The value of 'our_price' must be a number of 0 or more."));
        return result;
    }

    private static object Invalid(string attribute, string message) => new
    {
        code = "90000900",
        message,
        severity = "ERROR",
        attributeNames = new[] { attribute },
        categories = new[] { "INVALID_ATTRIBUTE" },
    };
}
