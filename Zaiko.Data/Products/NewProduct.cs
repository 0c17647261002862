namespace Zaiko.Data.Products;

public sealed record NewProduct(string Sku, string Title, string? ImageUrl = null, string? Notes = null)
{
    /// <summary>Throws <see cref="InvalidInputException"/> naming the first field that cannot be stored.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Sku))
        {
            throw new InvalidInputException("sku", "is required");
        }

        if (Sku.Length > 100 || Sku.Any(char.IsWhiteSpace))
        {
            throw new InvalidInputException("sku", "must be at most 100 characters without spaces");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new InvalidInputException("title", "is required");
        }

        if (Title.Length > 500)
        {
            throw new InvalidInputException("title", $"is {Title.Length} characters long; at most 500 are allowed");
        }

        if (ImageUrl is not null && (ImageUrl.Length > 2000 || !Uri.TryCreate(ImageUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidInputException("image_url", "must be an absolute http(s) URL of at most 2000 characters");
        }
    }
}
