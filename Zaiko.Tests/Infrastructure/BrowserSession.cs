using Microsoft.Playwright;

namespace Zaiko.Tests.Infrastructure;

/// <summary>
/// A real headless Chromium driven by Playwright: Debian's <c>chromium</c> package (scripts/test.sh installs it),
/// or the browser <c>ZAIKO_CHROMIUM</c> names. Playwright never downloads a browser of its own. A missing browser
/// fails the test with the way to get one; page tests are never skipped. When <c>ZAIKO_SCREENSHOTS</c> names a folder
/// (scripts/test.sh sets <c>.zaiko/test-screenshots</c>), every page still open at the end is saved there as
/// <c>&lt;test class&gt;.&lt;test&gt;.png</c>, so a failed test shows what the browser showed.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly string owner;
    private readonly List<(IPage Page, string Test)> pages = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, string owner)
    {
        this.playwright = playwright;
        this.owner = owner;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserSession> LaunchAsync([System.Runtime.CompilerServices.CallerFilePath] string testFile = "")
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
        return new BrowserSession(playwright, browser, Path.GetFileNameWithoutExtension(testFile));
    }

    /// <summary>A fresh page (own context: no cookies or storage shared between tests) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        pages.Add((page, test));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("ZAIKO_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var (page, test, index) in pages.Select((p, i) => (p.Page, p.Test, i)).Where(p => !p.Page.IsClosed))
            {
                var name = pages.Count(p => p.Test == test) > 1 ? $"{owner}.{test}.{index}.png" : $"{owner}.{test}.png";
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
            }
        }

        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
