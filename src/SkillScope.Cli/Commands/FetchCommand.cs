using System.CommandLine;
using SkillScope.Fetch;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>Downloads a public job board (or one job page), keeps the files, and ingests them.</summary>
internal static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var fetch = new Command("fetch", "Download a company's public job board (Greenhouse, Lever, Ashby) or a job page's JobPosting JSON-LD, and ingest it");
        foreach (var board in BoardFetcher.Boards)
        {
            var token = new Argument<string>("BOARD") { Description = $"The company's {board} board name (as in its jobs URL)" };
            var command = Common(new Command(board, $"Fetch and ingest a {board} job board"), context,
                (fetcher, folder, result, ct) => fetcher.FetchBoardAsync(board, result.GetValue(token)!, folder, ct),
                result => $"{board}-{result.GetValue(token)}");
            command.Arguments.Add(token);
            fetch.Subcommands.Add(command);
        }

        var url = new Argument<string>("URL") { Description = "A job page (http or https) with schema.org JobPosting JSON-LD" };
        var page = Common(new Command("url", "Fetch one job page and ingest its JobPosting JSON-LD"), context,
            (fetcher, folder, result, ct) => fetcher.FetchPageAsync(HttpUrl(result.GetValue(url), "URL"), folder, ct),
            result => "page-" + HttpUrl(result.GetValue(url), "URL").Host);
        page.Arguments.Add(url);
        fetch.Subcommands.Add(page);

        var month = new Option<string>("--month") { Description = "The month of the \"Who is hiring?\" thread, YYYY-MM", Required = true };
        var hn = Common(new Command("hn", "Fetch and ingest a month of Hacker News \"Ask HN: Who is hiring?\" through the public HN API"), context,
            (fetcher, folder, result, ct) =>
            {
                var (year, number, _) = Month(result.GetValue(month));
                return fetcher.FetchHnMonthAsync(year, number, folder, ct);
            },
            result => "hn-" + Month(result.GetValue(month)).Text);
        hn.Options.Add(month);
        fetch.Subcommands.Add(hn);
        return fetch;
    }

    private static Command Common(
        Command command, CliContext context,
        Func<BoardFetcher, string, ParseResult, CancellationToken, Task<FetchResult>> run,
        Func<ParseResult, string> folderName)
    {
        var db = CommonOptions.Db();
        var downloads = new Option<string?>("--download-dir") { Description = "Where downloaded files are kept (default: ./skillscope-downloads/BOARD)" };
        var apiBase = new Option<string?>("--api-base") { Description = "Replace the board API's base URL (for mirrors and tests)" };
        foreach (var option in (Option[])[db, downloads, apiBase])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellation) =>
        {
            var folder = result.GetValue(downloads) ?? Path.Combine("skillscope-downloads", folderName(result));
            Directory.CreateDirectory(folder);
            var options = result.GetValue(apiBase) is { } baseText && HttpUrl(baseText, "--api-base") is var baseUrl
                ? new FetchOptions { GreenhouseBaseUrl = baseUrl, LeverBaseUrl = baseUrl, AshbyBaseUrl = baseUrl, HackerNewsBaseUrl = baseUrl }
                : new FetchOptions();
            using var http = BoardFetcher.CreateHttpClient();
            var fetched = await run(new BoardFetcher(http, options, context.Time), folder, result, cancellation).ConfigureAwait(false);
            foreach (var attempt in fetched.Attempts.Where(a => a.Error is not null))
            {
                await context.Error.WriteLineAsync($"{attempt.Url} attempt {attempt.Number}: {attempt.Error}").ConfigureAwait(false);
            }

            // Whatever arrived is ingested, complete or cut off, before any error is reported.
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            var files = fetched.Files.Concat(fetched.PartialFiles).ToArray();
            var exit = IngestCommand.Run(context, store, FxRates.Default, SkillTaxonomy.Default, files, new IngestOptions { Format = fetched.Format, HeapBudget = IngestCommand.HeapBudget }, cancellation);
            if (fetched.Error is not null)
            {
                await context.Error.WriteLineAsync($"skillscope: fetch failed: {fetched.Error} ({files.Length} downloaded files kept in {folder} and ingested)").ConfigureAwait(false);
                return 1;
            }

            return exit;
        });
        return command;
    }

    private static (int Year, int Month, string Text) Month(string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 && year >= 2007
            ? (year, month, text)
            : throw new CliError($"--month '{text}' is not a month: use YYYY-MM (e.g. 2026-04)");

    private static Uri HttpUrl(string? text, string what) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliError($"{what} '{text}' is not an http(s) URL");
}
