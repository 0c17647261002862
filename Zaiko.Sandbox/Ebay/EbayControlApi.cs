using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Ebay;

/// <summary><c>/_sandbox/ebay/offers</c>: create or replace (POST), change (PATCH), read (GET).</summary>
public static class EbayControlApi
{
    public static IEndpointRouteBuilder MapEbayControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sandbox/ebay/offers");
        group.MapPost("/", (EbayOfferFields fields, EbayStore store, SandboxClock clock, SeededRandom random) =>
        {
            if (fields.Validate(creating: true) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            if (store.BySku(fields.Sku!) is { } existing && existing.OfferId != (fields.OfferId ?? existing.OfferId))
            {
                return ControlResults.BadRequest($"sku {fields.Sku} already belongs to offer {existing.OfferId}");
            }

            var offerId = fields.OfferId ?? store.BySku(fields.Sku!)?.OfferId ?? random.Chars("123456789", 1) + random.Chars("0123456789", 10);
            var current = store.Offers.Get(offerId);
            var offer = current is null
                ? fields.Create(offerId, "1" + random.Chars("0123456789", 11), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                : fields.ApplyTo(current with { Sku = fields.Sku! });
            return ControlResults.Put(store.Put(offer), offer);
        });
        group.MapPatch("/{offerId}", (string offerId, EbayOfferFields fields, EbayStore store) =>
            fields.Validate(creating: false) is { } error ? ControlResults.BadRequest(error)
            : fields.Sku is not null ? ControlResults.BadRequest("the sku of an offer cannot change")
            : store.Offers.Update(offerId, fields.ApplyTo) is { } offer ? ControlResults.Ok(offer)
            : ControlResults.NotFound($"no offer {offerId}"));
        group.MapGet("/{offerId}", (string offerId, EbayStore store) =>
            store.Offers.Get(offerId) is { } offer ? ControlResults.Ok(offer) : ControlResults.NotFound($"no offer {offerId}"));
        return app;
    }
}
