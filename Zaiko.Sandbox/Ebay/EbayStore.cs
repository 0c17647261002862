using System.Collections.Concurrent;
using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Ebay;

/// <summary>Offers by offer id, with a SKU index for the inventory-item endpoints.</summary>
public sealed class EbayStore
{
    private readonly ConcurrentDictionary<string, string> offerIdBySku = new(StringComparer.Ordinal);

    public ItemStore<EbayOffer> Offers { get; } = new();

    public bool Put(EbayOffer offer)
    {
        offerIdBySku[offer.Sku] = offer.OfferId;
        return Offers.Put(offer.OfferId, offer);
    }

    public EbayOffer? BySku(string sku) => offerIdBySku.TryGetValue(sku, out var offerId) ? Offers.Get(offerId) : null;

    public void Clear()
    {
        Offers.Clear();
        offerIdBySku.Clear();
    }
}
