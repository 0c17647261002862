namespace Zaiko.Data.Inventory;

public sealed record NewOffer(long ProductId, string SourcePlatform, string SourceUrl, string SourceProductId)
{
    public void Validate()
    {
        if (ProductId <= 0)
        {
            throw new InvalidInputException("product_id", "must refer to an existing product");
        }

        if (!SourcePlatforms.All.Contains(SourcePlatform))
        {
            throw new InvalidInputException("source_platform", $"'{SourcePlatform}' is not one of {string.Join(", ", SourcePlatforms.All)}");
        }

        if (string.IsNullOrWhiteSpace(SourceUrl) || SourceUrl.Length > 2000
            || !Uri.TryCreate(SourceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidInputException("source_url", "must be an absolute http(s) URL of at most 2000 characters");
        }

        if (string.IsNullOrWhiteSpace(SourceProductId) || SourceProductId.Length > 64)
        {
            throw new InvalidInputException("source_product_id", "is required and at most 64 characters");
        }
    }
}
