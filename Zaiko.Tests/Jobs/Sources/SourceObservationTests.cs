using System.Text.Json;
using Zaiko.Jobs.Sources;

namespace Zaiko.Tests.Jobs.Sources;

public sealed class SourceObservationTests
{
    private static readonly SourceObservation Observation = new()
    {
        Status = SourceStatus.Live,
        SourceProductId = "o1202015332",
        Price = 100m,
        Currency = "JPY",
        Quantity = 1,
        EndTime = new DateTimeOffset(2025, 10, 2, 21, 39, 11, TimeSpan.FromHours(9)),
        Layout = SourceLayouts.NextData,
        FetchedAt = new DateTimeOffset(2025, 10, 2, 3, 0, 0, TimeSpan.Zero),
        HttpStatus = 200,
        ElapsedMs = 85,
    };

    [Fact]
    public void Serialize_WritesTheEndTime_AsIso8601WithItsOffset()
    {
        var json = JsonSerializer.SerializeToElement(Observation);

        Assert.Equal("2025-10-02T21:39:11+09:00", json.GetProperty("EndTime").GetString());
    }

    [Fact]
    public void Serialize_WritesTheStatus_ByName()
    {
        var json = JsonSerializer.SerializeToElement(Observation);

        Assert.Equal("Live", json.GetProperty("Status").GetString());
    }

    [Fact]
    public void Deserialize_RestoresTheSameObservation()
    {
        var json = JsonSerializer.Serialize(Observation);

        var restored = JsonSerializer.Deserialize<SourceObservation>(json);

        Assert.Equal(Observation, restored);
    }
}
