using System.Xml.Linq;
using Zaiko.Tests.Infrastructure;

namespace Zaiko.Tests.Sandbox;

public sealed class FxFeedTests(SandboxProcess sandbox) : SandboxTest(sandbox)
{
    private static readonly XNamespace Eurofxref = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";

    private async Task<XElement> DayCubeAsync()
    {
        var xml = XDocument.Parse(await Client.GetStringAsync("stats/eurofxref/eurofxref-daily.xml"));
        return xml.Root!.Element(Eurofxref + "Cube")!.Element(Eurofxref + "Cube")!;
    }

    [Fact]
    public async Task DailyFeed_HasJpyAndUsdRates()
    {
        var day = await DayCubeAsync();

        var currencies = day.Elements(Eurofxref + "Cube").Select(c => (string)c.Attribute("currency")!).ToList();
        Assert.Contains("JPY", currencies);
        Assert.Contains("USD", currencies);
        Assert.NotNull(day.Attribute("time"));
    }

    [Fact]
    public async Task DailyFeed_ShowsThePinnedDateAndRate_WhenSet()
    {
        await Sandbox.SetFxAsync(new { date = "2026-11-20", rates = new Dictionary<string, decimal> { ["JPY"] = 170.5m } });

        var day = await DayCubeAsync();

        Assert.Equal("2026-11-20", (string)day.Attribute("time")!);
        Assert.Equal("170.5", (string)day.Elements(Eurofxref + "Cube").Single(c => (string)c.Attribute("currency")! == "JPY").Attribute("rate")!);
    }
}
