using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Yahoo;

/// <summary><c>/_sandbox/yahoo/items</c>: create or replace (POST), change any subset (PATCH), read (GET).</summary>
public static class YahooControlApi
{
    public static IEndpointRouteBuilder MapYahooControl(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sandbox/yahoo/items");
        group.MapPost("/", (YahooItemFields fields, YahooStore store, SandboxClock clock) =>
        {
            if (fields.Validate(creating: true) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            var now = clock.GetUtcNow();
            var item = fields.Create(now);
            return ControlResults.Put(store.Put(item), Catalog.YahooView(item, now));
        });
        group.MapPatch("/{auctionId}", (string auctionId, YahooItemFields fields, YahooStore store, SandboxClock clock) =>
        {
            if (fields.Validate(creating: false) is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            return store.Update(auctionId, fields.ApplyTo) is { } item
                ? ControlResults.Ok(Catalog.YahooView(item, clock.GetUtcNow()))
                : ControlResults.NotFound($"no auction {auctionId}");
        });
        group.MapGet("/{auctionId}", (string auctionId, YahooStore store, SandboxClock clock) =>
            store.Get(auctionId) is { } item ? ControlResults.Ok(Catalog.YahooView(item, clock.GetUtcNow())) : ControlResults.NotFound($"no auction {auctionId}"));
        return app;
    }
}
