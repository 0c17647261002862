using System.Text.Json;
using Dapper;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Listings;
using Zaiko.Data.Products;
using Zaiko.Jobs.Sync;
using Zaiko.Tests.Infrastructure;
using Zaiko.Tests.Jobs.Channels;

namespace Zaiko.Tests.Jobs.Sync;

/// <summary>Reconciliation when the channel cannot tell what it shows: listings it no longer knows, reads that fail, overlapping runs.</summary>
public sealed class ReconcileJobTests(ChannelFixture fixture) : ChannelTest(fixture)
{
    [Fact]
    public async Task Reconcile_RecordsAListingTheChannelNoLongerKnows_AndEndsPartial()
    {
        var known = await MercariListingAsync("m-known", inSandbox: true);
        var gone = await MercariListingAsync("m-gone", inSandbox: false);

        var run = await ReconcileAsync();

        Assert.Equal(ExecutionStatuses.Partial, run.Status);
        using var details = JsonDocument.Parse(run.Details);
        Assert.Equal((2, 1, 1), (details.RootElement.GetProperty("checked").GetInt32(), details.RootElement.GetProperty("matching").GetInt32(),
            details.RootElement.GetProperty("notFound").GetInt32()));
        var error = Assert.Single(await ErrorsAsync());
        Assert.Equal((ErrorTypes.SyncFailed, Severities.High, gone.Id, run.ExecutionId), (error.ErrorType, error.Severity, error.ListingId, error.ExecutionId));
        Assert.StartsWith($"mercari no longer knows listing {gone.Id}: ", error.Message);
        Assert.NotNull((await GetAsync(known.Id)).LastReconciledAt);
        Assert.Null((await GetAsync(gone.Id)).LastReconciledAt);
    }

    [Fact]
    public async Task Reconcile_NeitherCountsNorRepairs_ListingsItCouldNotRead_AndSaysSoOnce()
    {
        var listing = await MercariListingAsync("m-unread", inSandbox: true);
        await Sandbox.SetFaultsAsync(new { target = "mercari", errorRate = 1.0, errorStatus = 503 });

        var run = await ReconcileAsync();

        Assert.Equal(ExecutionStatuses.Partial, run.Status);
        using var details = JsonDocument.Parse(run.Details);
        Assert.Equal((0, 0), (details.RootElement.GetProperty("checked").GetInt32(), details.RootElement.GetProperty("matching").GetInt32()));
        Assert.Equal(1, details.RootElement.GetProperty("channels").GetProperty("mercari").GetProperty("unreadable").GetInt32());
        var stored = await GetAsync(listing.Id);
        Assert.Equal(("idle", 1, (DateTimeOffset?)null), (stored.SyncState, stored.ConfirmedQuantity!.Value, stored.LastReconciledAt));
        var error = Assert.Single(await ErrorsAsync());
        Assert.Equal((ErrorTypes.ApiError, Severities.Medium, "mercari", run.ExecutionId), (error.ErrorType, error.Severity, error.Platform, error.ExecutionId));
        Assert.StartsWith($"reconcile could not read 1 mercari listings back, so whether they drifted is unknown (first: listing {listing.Id}: Mercari Shops answered ", error.Message);
    }

    [Fact]
    public async Task Reconcile_RecordsItselfSkipped_WhileAnotherRunIsGoing()
    {
        await MercariListingAsync("m-busy", inSandbox: true);
        var executions = new ExecutionStore(Database.DataSource, Clock);
        var running = await executions.TryStartAsync(ProcessTypes.Reconcile, "elsewhere", "test", CancellationToken.None);

        await Services().GetRequiredService<ReconcileJob>().RunAsync(CancellationToken.None);

        var recent = await new ExecutionQueries(Database.DataSource).ListRecentAsync(ProcessTypes.Reconcile, 5, CancellationToken.None);
        Assert.Equal([ExecutionStatuses.Skipped, ExecutionStatuses.Running], recent.Select(e => e.Status));
        Assert.Equal(running.ExecutionId, recent[1].ExecutionId);
        Assert.Empty(await RequestsAsync("mercari"));
    }

    [Fact]
    public async Task Reconcile_ClosesItsRunAsFailed_WhenItIsCancelledMidway()
    {
        await MercariListingAsync("m-cancel", inSandbox: true);
        using var cancellation = new CancellationTokenSource();
        Task run;
        await using (var tableLock = await TableLock.TakeAsync(Database.DataSource, "listing_platforms"))
        {
            run = Services().GetRequiredService<ReconcileJob>().RunAsync(cancellation.Token);
            await tableLock.WaitForWaiterAsync();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var execution = Assert.Single(await new ExecutionQueries(Database.DataSource).ListRecentAsync(ProcessTypes.Reconcile, 5, CancellationToken.None));
        Assert.Equal(ExecutionStatuses.Failed, execution.Status);
        Assert.Contains("reconcile was cancelled before it finished", execution.Details);
        Assert.Equal(Zaiko.Jobs.Runs.ExecutionRunner.WorkerId, execution.WorkerId);
    }

    private async Task<Execution> ReconcileAsync()
    {
        await Services().GetRequiredService<ReconcileJob>().RunAsync(CancellationToken.None);
        return Assert.Single(await new ExecutionQueries(Database.DataSource).ListRecentAsync(ProcessTypes.Reconcile, 5, CancellationToken.None));
    }

    /// <summary>An idle Mercari listing confirmed at 1 × 3,000 yen; the sandbox shows the same when <paramref name="inSandbox"/>.</summary>
    private async Task<Listing> MercariListingAsync(string name, bool inSandbox)
    {
        if (inSandbox)
        {
            await Sandbox.PutMercariProductAsync(new { id = name, name, price = 3000, variants = new[] { new { id = "v-" + name, skuCode = "SKU-" + name, stock = 1 } } });
        }

        var product = await new ProductStore(Database.DataSource, Clock).CreateAsync(new NewProduct("SKU-" + name, "商品 " + name), "test", CancellationToken.None);
        var listing = await new ListingStore(Database.DataSource, Clock).AddAsync(new NewListing(product.Id, "mercari", "JPY")
        {
            MercariProductId = name, MercariVariantId = "v-" + name, ConfirmedQuantity = 1, ConfirmedPrice = 3000m,
        }, "test", CancellationToken.None);
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE listing_platforms SET desired_quantity = 1, desired_price = 3000 WHERE id = @Id", new { listing.Id });
        return listing;
    }

    private async Task<Listing> GetAsync(long id) => (await new ListingStore(Database.DataSource, Clock).GetAsync(id, CancellationToken.None))!;

    private async Task<IReadOnlyList<InventoryError>> ErrorsAsync() =>
        await new ErrorQueries(Database.DataSource).ListUnresolvedAsync(Severities.Low, 100, CancellationToken.None);
}
