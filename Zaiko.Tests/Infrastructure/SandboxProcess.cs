using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// Zaiko.Sandbox as a real separate process on a free loopback port, with typed helpers for its control API.
/// The sandbox is built with the tests (a ProjectReference that is not referenced); if it cannot start, the fixture
/// throws with the process output: a test that needs it never skips.
/// </summary>
public sealed class SandboxProcess : IAsyncLifetime
{
    /// <summary>Fast enough that ordinary tests never meet a 429; rate-limit tests lower it with <see cref="SetRateScaleAsync"/>.</summary>
    public const double DefaultRateScale = 1000;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder output = new();
    private Process? process;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Client { get; private set; } = new();

    public async Task InitializeAsync()
    {
        var dll = BuildOutput.Locate("Zaiko.Sandbox");
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--rate-scale", DefaultRateScale.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet for the sandbox");
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public Task ResetAsync() => SendAsync(HttpMethod.Post, "_sandbox/reset", null);

    public Task<JsonElement> SeedAsync(int yahoo = 0, int amazon = 0, int ebay = 0, int mercari = 0, int seed = 1) =>
        SendAsync(HttpMethod.Post, "_sandbox/seed", new { yahoo, amazon, ebay, mercari, seed });

    public Task<JsonElement> PutYahooItemAsync(object item) => SendAsync(HttpMethod.Post, "_sandbox/yahoo/items", item);

    public Task<JsonElement> PatchYahooItemAsync(string auctionId, object patch) => SendAsync(HttpMethod.Patch, $"_sandbox/yahoo/items/{auctionId}", patch);

    public Task<JsonElement> PutAmazonAsinAsync(object asin) => SendAsync(HttpMethod.Post, "_sandbox/amazon/asins", asin);

    public Task<JsonElement> PutAmazonListingAsync(object listing) => SendAsync(HttpMethod.Post, "_sandbox/amazon/listings", listing);

    public Task<JsonElement> PutEbayOfferAsync(object offer) => SendAsync(HttpMethod.Post, "_sandbox/ebay/offers", offer);

    public Task<JsonElement> PutMercariProductAsync(object product) => SendAsync(HttpMethod.Post, "_sandbox/mercari/products", product);

    public Task<JsonElement> PatchMercariProductAsync(string id, object patch) => SendAsync(HttpMethod.Patch, $"_sandbox/mercari/products/{id}", patch);

    public Task<JsonElement> SetFaultsAsync(object faults) => SendAsync(HttpMethod.Put, "_sandbox/faults", faults);

    public Task<JsonElement> ClearFaultsAsync() => SendAsync(HttpMethod.Delete, "_sandbox/faults", null);

    public Task<JsonElement> StartDriftAsync(double perMinute, params string[] kinds) =>
        SendAsync(HttpMethod.Post, "_sandbox/drift", new { perMinute, kinds });

    public Task<JsonElement> AdvanceClockAsync(TimeSpan by) => SendAsync(HttpMethod.Post, "_sandbox/clock", new { advanceSeconds = by.TotalSeconds });

    public Task<JsonElement> SetRateScaleAsync(double scale) => SendAsync(HttpMethod.Put, "_sandbox/amazon/rate-limits", new { scale });

    public Task<JsonElement> SetFxAsync(object settings) => SendAsync(HttpMethod.Put, "_sandbox/fx", settings);

    public Task<JsonElement> CatalogAsync(string target, int offset = 0, int limit = 100) =>
        SendAsync(HttpMethod.Get, $"_sandbox/catalog?target={target}&offset={offset}&limit={limit}", null);

    public async Task<IReadOnlyList<JsonElement>> JournalAsync(string? target = null, string? since = null)
    {
        var query = new List<string>();
        if (target is not null)
        {
            query.Add("target=" + Uri.EscapeDataString(target));
        }

        if (since is not null)
        {
            query.Add("since=" + Uri.EscapeDataString(since));
        }

        var journal = await SendAsync(HttpMethod.Get, "_sandbox/journal" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), null);
        return journal.EnumerateArray().ToList();
    }

    public Task ClearJournalAsync() => SendAsync(HttpMethod.Delete, "_sandbox/journal", null);

    /// <summary>A control-API call that must succeed; a refusal fails the test with the sandbox's reason.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox {method} /{path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (deadline.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"the sandbox exited with code {process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                using var response = await probe.GetAsync("_sandbox/status");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting up; try again.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"the sandbox did not answer within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
