using Microsoft.Playwright;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// A real headless Chromium driven by Playwright: Debian's <c>chromium</c> package (scripts/test.sh installs it),
/// or the browser <c>ZAIKO_CHROMIUM</c> names. Playwright never downloads a browser of its own. A missing browser
/// fails the test with the way to get one; page tests are never skipped.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("ZAIKO_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"no Chromium at {executable}. Page tests need a real browser: run scripts/test.sh (it installs Debian's chromium), " +
                "or install the chromium package, or set ZAIKO_CHROMIUM to a Chromium executable.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Flags,
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh page (own context: no cookies or storage shared between tests) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
