using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SkillScope.Fetch;

/// <summary>Hacker News "Who is hiring?" through the public HN API, with the same polite client as the boards.</summary>
public sealed partial class BoardFetcher
{
    private const string HiringAccount = "whoishiring";

    /// <summary>
    /// The "Ask HN: Who is hiring? (Month YYYY)" thread of <paramref name="month"/> and every top-level comment in it,
    /// one request at a time: the whoishiring account's submissions are looked up (newest first) until the thread is
    /// found, then each comment item is fetched. The comments are written as one run file
    /// (<c>hn-YYYY-MM-STAMP.json</c>: {"sources": {...}, "jobs": [HN items as returned]}) for the <c>hn</c> reader; if a
    /// request fails for good, the comments fetched so far are kept as a <c>.partial.json</c> file and ingested.
    /// </summary>
    public async Task<FetchResult> FetchHnMonthAsync(int year, int month, string downloadDirectory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(downloadDirectory);
        var run = new Run("hn");
        if (year is < 2007 or > 9999 || month is < 1 or > 12)
        {
            return run.Result($"invalid month {year:D4}-{month:D2}: use YYYY-MM");
        }

        Directory.CreateDirectory(downloadDirectory);
        var label = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
        var title = string.Create(CultureInfo.InvariantCulture, $"Ask HN: Who is hiring? ({CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {year})");
        var stem = Path.Combine(downloadDirectory, "hn-" + label);

        var user = await GetJsonAsync(run, Combine(_options.HackerNewsBaseUrl, $"user/{HiringAccount}.json"), stem + "-lookup", ct).ConfigureAwait(false);
        if (user.Error is not null)
        {
            return run.Result($"HN user {HiringAccount}: {user.Error}");
        }

        var submitted = Ids(user.Json, "submitted");
        long? threadId = null;
        JsonElement thread = default;
        var monthStart = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var id in submitted.Take(_options.MaxThreadLookups))
        {
            var item = await GetJsonAsync(run, ItemUrl(id), stem + "-lookup", ct).ConfigureAwait(false);
            if (item.Error is not null)
            {
                return run.Result($"HN item {id}: {item.Error}");
            }

            if (item.Json.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (item.Json.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == title)
            {
                threadId = id;
                thread = item.Json;
                break;
            }

            // Submissions come newest first: one posted before the month began means the thread is not there.
            if (item.Json.TryGetProperty("time", out var time) && time.TryGetInt64(out var seconds) && DateTimeOffset.FromUnixTimeSeconds(seconds) < monthStart)
            {
                break;
            }
        }

        if (threadId is null)
        {
            return run.Result($"no '{title}' thread among the {HiringAccount} account's newest {Math.Min(submitted.Count, _options.MaxThreadLookups)} submissions");
        }

        var comments = new List<string>();
        string? error = null;
        foreach (var kid in Ids(thread, "kids"))
        {
            var item = await GetJsonAsync(run, ItemUrl(kid), stem + "-item", ct).ConfigureAwait(false);
            if (item.Error is not null)
            {
                error = $"HN item {kid}: {item.Error}";
                break;
            }

            // An item the API no longer has is returned as null: nothing to read.
            if (item.Json.ValueKind != JsonValueKind.Null)
            {
                comments.Add(item.Text);
            }
        }

        var path = WriteRun(stem, threadId.Value, title, comments, error is not null);
        (error is null ? run.Files : run.PartialFiles).Add(path);
        return run.Result(error);
    }

    private Uri ItemUrl(long id) => Combine(_options.HackerNewsBaseUrl, string.Create(CultureInfo.InvariantCulture, $"item/{id}.json"));

    private readonly record struct JsonReply(JsonElement Json, string Text, string? Error);

    /// <summary>One API response through the polite download path, read and then removed: only the run file is kept.</summary>
    private async Task<JsonReply> GetJsonAsync(Run run, Uri url, string stem, CancellationToken ct)
    {
        var download = await DownloadAsync(run, url, JsonAccept, stem, _ => ".json", ct).ConfigureAwait(false);
        foreach (var partial in run.PartialFiles.ToList())
        {
            TryDelete(partial);
            run.PartialFiles.Remove(partial);
        }

        if (download.Error is not null)
        {
            return new(default, "", download.Error);
        }

        var text = await File.ReadAllTextAsync(download.Path!, ct).ConfigureAwait(false);
        TryDelete(download.Path!);
        run.Files.Remove(download.Path!);
        try
        {
            using var document = JsonDocument.Parse(text);
            return new(document.RootElement.Clone(), text.Trim(), null);
        }
        catch (JsonException ex)
        {
            return new(default, "", $"the response is not JSON ({ex.Message})");
        }
    }

    private static List<long> Ids(JsonElement obj, string name)
    {
        var ids = new List<long>();
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in array.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) && id > 0)
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static string Quoted(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";

    private string WriteRun(string stem, long threadId, string title, List<string> comments, bool partial)
    {
        var basePath = ReservePath(stem);
        var path = basePath + (partial ? ".partial.json" : ".json");
        var text = new StringBuilder();
        text.Append("{\"schema_version\":\"skillscope-hn-1\",\"fetched_at\":")
            .Append(Quoted(_time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)))
            .Append(",\"sources\":{\"who_is_hiring_thread_id\":").Append(threadId.ToString(CultureInfo.InvariantCulture))
            .Append(",\"who_is_hiring_thread_title\":").Append(Quoted(title))
            .Append("},\"jobs\":[\n");
        for (var i = 0; i < comments.Count; i++)
        {
            text.Append(comments[i]).Append(i + 1 < comments.Count ? ",\n" : "\n");
        }

        text.Append("]}\n");
        var part = basePath + ".part";
        File.WriteAllText(part, text.ToString(), new UTF8Encoding(false));
        File.Move(part, path);
        return path;
    }
}
