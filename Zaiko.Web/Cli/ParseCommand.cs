using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Zaiko.Data;
using Zaiko.Jobs.Sources;
using Zaiko.Jobs.Sources.Yahoo;

namespace Zaiko.Web.Cli;

/// <summary>
/// <c>parse yahoo &lt;file|auction-id|item-url&gt; [--id &lt;auction-id&gt;]</c>: one observation as one JSON object
/// on stdout. An id or item URL is fetched through the configured Yahoo! client (guard, rate limit and sandbox
/// apply; it needs the database for the rate limit); a file is read as an item page answered with HTTP 200, about
/// the auction the page names (canonical URL, <c>__NEXT_DATA__</c>, <c>pageData</c>, the オークションID row; a page
/// naming different auctions is refused), or the one <c>--id</c> names. Exit codes: 0 live or ended, 3 any other
/// status, 2 bad usage, 1 failure.
/// </summary>
public static class ParseCommand
{
    public const string Usage =
        "usage: parse yahoo <file|auction-id|item-url> [--id <auction-id>]; a file is read as a saved item page " +
        "(--id names its auction when the page does not), an id or https item URL is fetched";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, Func<IHost> buildHost, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryReadArguments(args, out var target, out var givenId, out var problem))
        {
            await error.WriteLineAsync($"zaiko parse: {problem}\n{Usage}");
            return 2;
        }

        SourceObservation observation;
        if (YahooAuctionId.TryParse(target, out var auctionId))
        {
            if (givenId is not null)
            {
                await error.WriteLineAsync($"zaiko parse: --id goes with a file only; '{target}' already names auction {auctionId}\n{Usage}");
                return 2;
            }

            try
            {
                using var host = buildHost();
                observation = await host.Services.GetRequiredService<YahooClient>().FetchAsync(auctionId, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                await error.WriteLineAsync($"zaiko parse: the database (needed for the cluster-wide rate limit) is unreachable: {ex.Message}");
                return 1;
            }
        }
        else if (File.Exists(target))
        {
            string html;
            try
            {
                html = await File.ReadAllTextAsync(target, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"zaiko parse: cannot read {target}: {ex.Message}");
                return 1;
            }

            string? requested;
            try
            {
                requested = givenId ?? YahooPageIdentity.FindAuctionId(html);
            }
            catch (InvalidInputException ex)
            {
                await error.WriteLineAsync($"zaiko parse: {target} is not read: {ex.Reason} (with --id <auction-id> it is read as a check of that auction would read it)");
                return 1;
            }

            if (requested is null)
            {
                await error.WriteLineAsync($"zaiko parse: {target} does not say which auction it shows (no canonical URL, __NEXT_DATA__ or pageData id, no オークションID row); pass --id <auction-id>\n{Usage}");
                return 2;
            }

            observation = new YahooPageScraper().Parse(requested, 200, html, TimeProvider.System.GetUtcNow(), 0);
        }
        else
        {
            await error.WriteLineAsync($"zaiko parse: '{target}' is neither an existing file nor a Yahoo! Auctions item; {YahooAuctionId.Accepted}\n{Usage}");
            return 2;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(observation, Json));
        return observation.Status is SourceStatus.Live or SourceStatus.Ended ? 0 : 3;
    }

    private static bool TryReadArguments(IReadOnlyList<string> args, out string target, out string? auctionId, out string problem)
    {
        (target, auctionId, problem) = ("", null, "");
        if (args.Count == 0 || args[0] != "yahoo")
        {
            problem = args.Count == 0 ? "which source? only yahoo pages can be parsed" : $"'{args[0]}' cannot be parsed; only yahoo pages can";
            return false;
        }

        string? id = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--id" || arg.StartsWith("--id=", StringComparison.Ordinal))
            {
                id = arg == "--id" ? (i + 1 < args.Count ? args[++i] : "") : arg["--id=".Length..];
                if (!YahooAuctionId.TryParse(id, out auctionId))
                {
                    problem = $"--id: '{id}' is not an auction id; {YahooAuctionId.Accepted}";
                    return false;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) || target.Length > 0)
            {
                problem = $"unexpected argument '{arg}'";
                return false;
            }
            else
            {
                target = arg;
            }
        }

        if (target.Length == 0)
        {
            problem = "a file, auction id or item URL is needed";
            return false;
        }

        return true;
    }
}
