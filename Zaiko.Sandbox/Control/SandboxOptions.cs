using System.ComponentModel.DataAnnotations;

namespace Zaiko.Sandbox.Control;

/// <summary>Start-up settings, from the command line (<c>--rate-scale 10</c>) or the environment (<c>rate-scale</c>).</summary>
public sealed class SandboxOptions
{
    /// <summary>Multiplies every SP-API restore rate (bursts stay as documented), so rate-limit tests run fast.</summary>
    [Range(0.001, 1_000_000)]
    public double RateScale { get; set; } = 1.0;

    /// <summary>Ring-buffer size of the request journal; the oldest entries are dropped beyond it.</summary>
    [Range(1, 10_000_000)]
    public int JournalCapacity { get; set; } = 100_000;

    /// <summary>Seed of every random choice (ids, titles, faults, drift) until a seed request names another.</summary>
    public int Seed { get; set; } = 1;

    public static SandboxOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new SandboxOptions
        {
            RateScale = configuration.GetValue("rate-scale", 1.0),
            JournalCapacity = configuration.GetValue("journal-capacity", 100_000),
            Seed = configuration.GetValue("seed", 1),
        };
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
