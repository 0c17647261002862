using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Options;
using Zaiko.Data;
using Zaiko.Data.Inventory;
using Zaiko.Data.Listings;
using Zaiko.Data.Pricing;
using Zaiko.Data.Products;
using Zaiko.Jobs.Checks;
using Zaiko.Jobs.Outbound;
using Zaiko.Jobs.Pricing;

namespace Zaiko.Web.Cli;

/// <summary>
/// <c>demo seed</c>: fills the sandbox with demo items (once) and registers matching monitored offers and
/// eBay/Mercari listings in Zaiko, with a demo pricing rule, slow drift in the sandbox and a first stock check.
/// Running it again adds nothing twice. Everything it creates says it is demo data.
/// </summary>
public sealed class DemoSeeder(
    ProductStore products,
    InventoryStore inventory,
    ListingStore listings,
    PriceRuleStore rules,
    IBackgroundJobClient jobs,
    IOptions<SandboxOptions> sandbox)
{
    public const string Actor = "demo-seed";
    private const string DemoPrefix = "[デモ] ";
    private const string DemoNote = "デモデータ: ローカルのサンドボックスの商品です (実在しません)";

    public async Task<int> RunAsync(int count, TextWriter output, CancellationToken cancellationToken)
    {
        if (!sandbox.Value.Enabled)
        {
            throw new InvalidOperationException("demo seed needs the sandbox: set Sandbox__Enabled=true and Sandbox__BaseUrl (scripts/run.sh does this in demo mode)");
        }

        using var http = new HttpClient { BaseAddress = new Uri(sandbox.Value.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        var existing = await TotalAsync(http, "yahoo", cancellationToken);
        if (existing < count)
        {
            await PostAsync(http, "_sandbox/seed", new { yahoo = count - existing, ebay = count - existing, mercari = count - existing, seed = 20261128 }, cancellationToken);
        }

        var yahoo = await CatalogAsync(http, "yahoo", cancellationToken);
        var ebay = await CatalogAsync(http, "ebay", cancellationToken);
        var mercari = await CatalogAsync(http, "mercari", cancellationToken);
        await EnsureDemoPriceRulesAsync(cancellationToken);

        var added = 0;
        for (var i = 0; i < yahoo.Count; i++)
        {
            added += await RegisterAsync(yahoo[i], i < ebay.Count ? ebay[i] : (JsonElement?)null, i < mercari.Count ? mercari[i] : (JsonElement?)null, cancellationToken);
        }

        await PostAsync(http, "_sandbox/drift", new { perMinute = 3, kinds = new[] { "price", "stock", "end" } }, cancellationToken);
        // Rates first: eBay prices are in USD and are held until a rate is known.
        jobs.Enqueue<FxUpdateJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<CheckFanOutJob>(job => job.RunAsync(ProcessTypes.StockCheck, CancellationToken.None));
        await output.WriteLineAsync($"demo data: {yahoo.Count} sandbox auctions, {added} new monitored offers; slow drift started; an FX update and a stock check were queued.");
        return added;
    }

    private async Task<int> RegisterAsync(JsonElement item, JsonElement? ebayOffer, JsonElement? mercariProduct, CancellationToken cancellationToken)
    {
        var auctionId = item.GetProperty("auctionId").GetString()!;
        var product = await products.UpsertAsync(new NewProduct($"YA-{auctionId}", DemoPrefix + item.GetProperty("title").GetString(), Notes: DemoNote), Actor, cancellationToken);
        if ((await listings.ListForProductAsync(product.Id, cancellationToken)).Count > 0)
        {
            return 0;
        }

        await inventory.AddAsync(new NewOffer(product.Id, SourcePlatforms.Yahoo, $"https://auctions.yahoo.co.jp/jp/auction/{auctionId}", auctionId), Actor, cancellationToken);
        if (ebayOffer is { } offer)
        {
            await listings.AddAsync(new NewListing(product.Id, ChannelPlatforms.Ebay, offer.GetProperty("currency").GetString()!)
            {
                EbaySku = offer.GetProperty("sku").GetString(),
                EbayOfferId = offer.GetProperty("offerId").GetString(),
                ConfirmedQuantity = offer.GetProperty("availableQuantity").GetInt32(),
                ConfirmedPrice = offer.GetProperty("price").GetDecimal(),
            }, Actor, cancellationToken);
        }

        if (mercariProduct is { } shopProduct)
        {
            var variant = shopProduct.GetProperty("variants")[0];
            await listings.AddAsync(new NewListing(product.Id, ChannelPlatforms.Mercari, "JPY")
            {
                MercariProductId = shopProduct.GetProperty("id").GetString(),
                MercariVariantId = variant.GetProperty("id").GetString(),
                ConfirmedQuantity = variant.GetProperty("stockQuantity").GetInt32(),
                ConfirmedPrice = shopProduct.GetProperty("price").GetDecimal(),
            }, Actor, cancellationToken);
        }

        return 1;
    }

    /// <summary>A plausible reseller's rule: shipping, 15 % margin, channel and payment fees; eBay sells in USD.</summary>
    private async Task EnsureDemoPriceRulesAsync(CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(null, null, cancellationToken) is null)
        {
            await rules.SaveAsync(null, null, new PriceRuleValues(800m, 2500m, 15m, 13.25m, 3m, null, null, null, 20m), Actor, cancellationToken);
        }

        if (await rules.GetAsync(null, ChannelPlatforms.Mercari, cancellationToken) is null)
        {
            await rules.SaveAsync(null, ChannelPlatforms.Mercari, new PriceRuleValues(800m, 0m, 15m, 10m, 0m, 300m, null, "JPY", 20m), Actor, cancellationToken);
        }
    }

    private static async Task<int> TotalAsync(HttpClient http, string target, CancellationToken cancellationToken)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync($"_sandbox/catalog?target={target}&offset=0&limit=1", cancellationToken));
        return page.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<IReadOnlyList<JsonElement>> CatalogAsync(HttpClient http, string target, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        while (true)
        {
            using var page = JsonDocument.Parse(await http.GetStringAsync($"_sandbox/catalog?target={target}&offset={items.Count}&limit=500", cancellationToken));
            var batch = page.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
            items.AddRange(batch);
            if (batch.Length == 0 || items.Count >= page.RootElement.GetProperty("total").GetInt32())
            {
                return items;
            }
        }
    }

    private static async Task PostAsync(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
