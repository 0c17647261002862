using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Mercari;

/// <summary><c>/_sandbox/mercari/products</c>: create or replace (POST), change (PATCH), read (GET).</summary>
public static class MercariControlApi
{
    public static IEndpointRouteBuilder MapMercariControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sandbox/mercari/products");
        group.MapPost("/", (MercariProductFields fields, MercariStore store, SandboxClock clock, SeededRandom random) =>
        {
            if (fields.Validate(creating: true) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            var now = clock.GetUtcNow();
            var product = fields.Create(random, now);
            if (product.Variants.Count == 0)
            {
                product = product with { Variants = [new MercariProduct.Variant(random.Chars(MercariProductFields.IdAlphabet, 22), null, 0)] };
            }

            return ControlResults.Put(store.Put(product), product);
        });
        group.MapPatch("/{id}", (string id, MercariProductFields fields, MercariStore store, SandboxClock clock, SeededRandom random) =>
        {
            if (fields.Validate(creating: false) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            if (store.Products.Get(id) is not { } current)
            {
                return ControlResults.NotFound($"no product {id}");
            }

            if (fields.Stock is not null && fields.Variants is null && current.Variants.Count > 1)
            {
                return ControlResults.BadRequest("the product has several variants: set variants, not stock");
            }

            var product = fields.ApplyTo(current, random, clock.GetUtcNow());
            store.Put(product);
            return ControlResults.Ok(product);
        });
        group.MapGet("/{id}", (string id, MercariStore store) =>
            store.Products.Get(id) is { } product ? ControlResults.Ok(product) : ControlResults.NotFound($"no product {id}"));
        return app;
    }
}
