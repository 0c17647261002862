using Microsoft.AspNetCore.Mvc.RazorPages;
using Zaiko.Data;
using Zaiko.Data.Errors;
using Zaiko.Data.Executions;
using Zaiko.Data.Inventory;
using Zaiko.Data.Products;

namespace Zaiko.Web.Pages;

public sealed class IndexModel(ProductQueries products, InventoryStore inventory, ErrorQueries errors, ExecutionQueries executions) : PageModel
{
    public long ProductCount { get; private set; }

    public long YahooOffers { get; private set; }

    public long AmazonOffers { get; private set; }

    public long UrgentErrors { get; private set; }

    public IReadOnlyList<Execution> RecentExecutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ProductCount = await products.CountAsync(cancellationToken);
        YahooOffers = await inventory.CountMonitoredAsync(SourcePlatforms.Yahoo, cancellationToken);
        AmazonOffers = await inventory.CountMonitoredAsync(SourcePlatforms.Amazon, cancellationToken);
        var unresolved = await errors.CountUnresolvedBySeverityAsync(cancellationToken);
        UrgentErrors = unresolved[Severities.High] + unresolved[Severities.Critical];
        RecentExecutions = await executions.ListRecentAsync(null, 20, cancellationToken);
    }
}
