using Zaiko.Sandbox.Control;

namespace Zaiko.Sandbox.Amazon;

public sealed class AmazonStore
{
    public ItemStore<AmazonAsin> Asins { get; } = new();

    public ItemStore<AmazonListing> Listings { get; } = new();

    public void Clear()
    {
        Asins.Clear();
        Listings.Clear();
    }
}
