namespace Zaiko.Sandbox.Amazon;

/// <summary>Bodies of the Amazon control endpoints: POST creates or replaces, PATCH changes any subset.</summary>
public static class AmazonFields
{
    public sealed record AsinFields(string? Asin = null, string? Title = null, decimal? LowestPrice = null, string? Currency = null,
        bool? InStock = null, int? OfferCount = null)
    {
        public string? Validate(bool creating) =>
            creating && (Asin is null || Asin.Length != 10 || !Asin.All(char.IsAsciiLetterOrDigit)) ? "asin must have 10 letters or digits"
            : creating && string.IsNullOrWhiteSpace(Title) ? "title is required"
            : LowestPrice < 0 || OfferCount < 0 ? "lowestPrice and offerCount may not be negative"
            : Currency is not null && Currency.Length != 3 ? "currency must be a 3-letter code"
            : null;

        public AmazonAsin ApplyTo(AmazonAsin? item) => new(
            item?.Asin ?? Asin!, Title ?? item?.Title ?? "", LowestPrice ?? item?.LowestPrice ?? 0, Currency ?? item?.Currency ?? "JPY",
            InStock ?? item?.InStock ?? true, OfferCount ?? item?.OfferCount ?? 1);
    }

    public sealed record ListingFields(string? Sku = null, string? Asin = null, string? Title = null, decimal? Price = null, string? Currency = null,
        int? Quantity = null)
    {
        public string? Validate(bool creating) =>
            creating && string.IsNullOrWhiteSpace(Sku) ? "sku is required"
            : Sku is { Length: > 40 } ? "sku may have at most 40 characters"
            : Price < 0 || Quantity < 0 ? "price and quantity may not be negative"
            : Currency is not null && Currency.Length != 3 ? "currency must be a 3-letter code"
            : null;

        public AmazonListing ApplyTo(AmazonListing? item, DateTimeOffset now) => new(
            item?.Sku ?? Sku!, Asin ?? item?.Asin ?? "", Title ?? item?.Title ?? "", Price ?? item?.Price ?? 0, Currency ?? item?.Currency ?? "JPY",
            Quantity ?? item?.Quantity ?? 0, item?.CreatedAt ?? now, now);
    }
}
