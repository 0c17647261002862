using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

/// <summary><c>/_sandbox/amazon/asins</c> (other sellers' offers) and <c>/_sandbox/amazon/listings</c> (our seller's SKUs).</summary>
public static class AmazonControlApi
{
    public static IEndpointRouteBuilder MapAmazonControl(this IEndpointRouteBuilder app)
    {
        var asins = app.MapGroup("/_sandbox/amazon/asins");
        asins.MapPost("/", (AmazonFields.AsinFields fields, AmazonStore store) =>
        {
            if (fields.Validate(creating: true) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            var item = fields.ApplyTo(null);
            return ControlResults.Put(store.Asins.Put(item.Asin, item), item);
        });
        asins.MapPatch("/{asin}", (string asin, AmazonFields.AsinFields fields, AmazonStore store) =>
            fields.Validate(creating: false) is { } error ? ControlResults.BadRequest(error)
            : store.Asins.Update(asin, fields.ApplyTo) is { } item ? ControlResults.Ok(item)
            : ControlResults.NotFound($"no ASIN {asin}"));
        asins.MapGet("/{asin}", (string asin, AmazonStore store) =>
            store.Asins.Get(asin) is { } item ? ControlResults.Ok(item) : ControlResults.NotFound($"no ASIN {asin}"));

        var listings = app.MapGroup("/_sandbox/amazon/listings");
        listings.MapPost("/", (AmazonFields.ListingFields fields, AmazonStore store, SandboxClock clock) =>
        {
            if (fields.Validate(creating: true) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            var listing = fields.ApplyTo(null, clock.GetUtcNow());
            return ControlResults.Put(store.Listings.Put(listing.Sku, listing), listing);
        });
        listings.MapPatch("/{sku}", (string sku, AmazonFields.ListingFields fields, AmazonStore store, SandboxClock clock) =>
            fields.Validate(creating: false) is { } error ? ControlResults.BadRequest(error)
            : store.Listings.Update(sku, listing => fields.ApplyTo(listing, clock.GetUtcNow())) is { } item ? ControlResults.Ok(item)
            : ControlResults.NotFound($"no listing {sku}"));
        listings.MapGet("/{sku}", (string sku, AmazonStore store) =>
            store.Listings.Get(sku) is { } item ? ControlResults.Ok(item) : ControlResults.NotFound($"no listing {sku}"));
        return app;
    }
}
