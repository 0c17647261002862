using Zaiko.Sandbox.Amazon;
using Zaiko.Sandbox.Ebay;
using Zaiko.Sandbox.Fx;
using Zaiko.Sandbox.Mercari;
using Zaiko.Sandbox.Yahoo;

namespace Zaiko.Sandbox.Control;

/// <summary>The control API under <c>/_sandbox</c>: state, seeding, drift, faults, journal, clock and catalog.</summary>
public static class ControlApi
{
    public static IEndpointRouteBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_sandbox");
        group.MapGet("/status", (SandboxState state) => ControlResults.Ok(state.Status()));
        group.MapPost("/reset", (SandboxState state) =>
        {
            state.Reset();
            return ControlResults.Ok(state.Status());
        });
        group.MapPost("/seed", (SeedRequest request, Seeder seeder) =>
            request.Validate() is { } error ? ControlResults.BadRequest(error) : ControlResults.Ok(seeder.Seed(request)));

        group.MapGet("/drift", (DriftService drift) => ControlResults.Ok(drift.Status));
        group.MapPost("/drift", (DriftSettings settings, DriftService drift) =>
        {
            if (settings.Validate() is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            drift.Start(settings);
            return ControlResults.Ok(drift.Status);
        });
        group.MapDelete("/drift", (DriftService drift) =>
        {
            drift.Stop();
            return ControlResults.Ok(drift.Status);
        });

        group.MapGet("/faults", (FaultInjector faults) => ControlResults.Ok(faults.Current));
        group.MapPut("/faults", (FaultSettings settings, FaultInjector faults) =>
        {
            if (settings.Validate() is { } error)
            {
                return ControlResults.BadRequest(error);
            }

            faults.Set(settings);
            return ControlResults.Ok(faults.Current);
        });
        group.MapDelete("/faults", (string? target, FaultInjector faults) =>
        {
            faults.Clear(target);
            return ControlResults.Ok(faults.Current);
        });

        group.MapGet("/journal", (string? target, string? since, int? limit, RequestJournal journal) =>
        {
            long? afterSeq = long.TryParse(since, out var seq) ? seq : null;
            DateTimeOffset? sinceTime = afterSeq is null && DateTimeOffset.TryParse(since, out var time) ? time : null;
            if (since is not null && afterSeq is null && sinceTime is null)
            {
                return ControlResults.BadRequest("since must be a sequence number or an ISO-8601 time");
            }

            return ControlResults.Ok(journal.Query(string.IsNullOrEmpty(target) ? null : target, afterSeq, sinceTime, Math.Clamp(limit ?? 10_000, 1, 100_000)));
        });
        group.MapDelete("/journal", (RequestJournal journal) =>
        {
            journal.Clear();
            return Results.NoContent();
        });

        group.MapGet("/clock", (SandboxClock clock) => ControlResults.Ok(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds }));
        group.MapPost("/clock", (ClockAdvance request, SandboxClock clock) =>
        {
            if (request.AdvanceSeconds is < 0 or > 365 * 24 * 3600)
            {
                return ControlResults.BadRequest("advanceSeconds must lie in 0..31536000");
            }

            clock.Advance(TimeSpan.FromSeconds(request.AdvanceSeconds));
            return ControlResults.Ok(new { now = clock.GetUtcNow(), offsetSeconds = clock.Offset.TotalSeconds });
        });

        group.MapPut("/fx", (FxSettings request, FxRates fx) =>
        {
            fx.Set(request.Date, request.Rates);
            var (date, rates) = fx.Current();
            return ControlResults.Ok(new { date, rates });
        });

        group.MapPut("/amazon/rate-limits", (RateLimitSettings request, SpApiRateLimits limits) =>
        {
            if (request.Scale is <= 0)
            {
                return ControlResults.BadRequest("scale must be positive");
            }

            limits.Reset(request.Scale);
            return ControlResults.Ok(new { scale = limits.Scale });
        });

        group.MapGet("/catalog", (string target, int? offset, int? limit, YahooStore yahoo, AmazonStore amazon, EbayStore ebay,
            MercariStore mercari, SandboxClock clock) =>
            Catalog.Page(target, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 100, 1, 10_000), yahoo, amazon, ebay, mercari, clock.GetUtcNow()));
        return app;
    }

    public sealed record ClockAdvance(double AdvanceSeconds);

    public sealed record FxSettings(DateOnly? Date, Dictionary<string, decimal>? Rates);

    public sealed record RateLimitSettings(double? Scale);
}
