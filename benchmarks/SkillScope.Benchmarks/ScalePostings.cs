using System.Globalization;
using System.Text;
using System.Text.Json;
using SkillScope.Ingest;
using SkillScope.Model;

namespace SkillScope.Benchmarks;

/// <summary>
/// Writes N job postings with real text as JSON Lines for the scale benchmark (`scripts/bench.sh --scale`):
/// the full-text postings of shared/data (Glassdoor 2020, LinkedIn and Indeed 2018 through SkillScope's own readers,
/// and the remote-board markdown postings 2024-25), cycled. The first pass over the corpus is the postings as stated;
/// every later pass shuffles each description's sentences (a fixed seed per posting) and names the company with the
/// pass number modulo 32, so about 32 variants of each real employer exist. Every posting ends with its own
/// requisition line and carries a source id, so none is a duplicate of another. Posting dates are spread evenly over
/// 2024-01-01 .. 2026-06-30. Stated pay, seniority and employment type come from the source posting.
/// The output is the generic `jsonl` layout (snake_case keys named like the fields): `skillscope ingest FILE --format jsonl`.
/// Deterministic: the same count and seed give the same bytes.
/// Run: dotnet run -c Release --project benchmarks/SkillScope.Benchmarks -- generate-postings --count 1000000 --out FILE
/// </summary>
internal static class ScalePostings
{
    private const int CompanyVariants = 32;
    private static readonly DateOnly FirstDay = new(2024, 1, 1);
    private static readonly int Days = new DateOnly(2026, 6, 30).DayNumber - FirstDay.DayNumber + 1;

    private sealed record Posting(string Title, string? Company, string? Location, string[] Sentences, string? SalaryText,
        string? Seniority, string? EmploymentType, string? WorkArrangement);

    public static int Run(string[] args)
    {
        long count = 1_000_000;
        string? output = null;
        ulong seed = 20261206;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length:
                    count = long.Parse(args[++i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--seed" when i + 1 < args.Length:
                    seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"generate-postings: unknown argument '{args[i]}'; usage: generate-postings --count N --out FILE [--seed S]");
                    return 2;
            }
        }

        if (output is null || count <= 0)
        {
            Console.Error.WriteLine("generate-postings: usage: generate-postings --count N --out FILE [--seed S]");
            return 2;
        }

        var root = BenchData.SharedData();
        if (root is null)
        {
            Console.Error.WriteLine("generate-postings: shared/data not found; set SKILLSCOPE_SHARED_DATA to the folder with the real postings");
            return 1;
        }

        var corpus = Load(root);
        Console.Error.WriteLine($"generate-postings: {corpus.Count:N0} real postings with text; writing {count:N0} to {output}");
        Write(corpus, count, seed, output);
        return 0;
    }

    private static List<Posting> Load(string root)
    {
        var corpus = new List<Posting>();
        foreach (var file in (string[])[
            Path.Combine(root, "glassdoor_ds_2020_kenjee", "glassdoor_jobs.csv"),
            Path.Combine(root, "linkedin_indeed_ca_2018", "DataScientist.csv"),
            Path.Combine(root, "linkedin_indeed_ca_2018", "cal_ds_500.csv")])
        {
            var decoded = TextDecoding.Inspect(file);
            var format = FormatRegistry.Resolve(FormatRegistry.Probe(decoded), null);
            using var reader = TextDecoding.Open(decoded);
            foreach (var row in format.Read(reader, new FormatContext(file)))
            {
                if (row.Record is { Title: { Length: > 0 } title, Description: { Length: > 0 } text } r)
                {
                    corpus.Add(new Posting(title, r.Company, r.Location, Sentences(text), r.SalaryText ?? Range(r),
                        r.SeniorityHint, r.EmploymentTypeHint, r.WorkArrangementHint));
                }
            }
        }

        var board = Path.Combine(root, "remotewlb_remote_jobs_2024_2025", "jobs");
        foreach (var file in Directory.EnumerateFiles(board, "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (BoardPosting(File.ReadAllText(file)) is { } posting)
            {
                corpus.Add(posting);
            }
        }

        return corpus;
    }

    private static string? Range(RawRecord r) =>
        r.SalaryMin is null && r.SalaryMax is null ? null
        : string.Create(CultureInfo.InvariantCulture, $"{r.SalaryCurrency ?? "USD"} {r.SalaryMin ?? r.SalaryMax} - {r.SalaryMax ?? r.SalaryMin} {r.SalaryPeriod ?? "year"}");

    // The board's layout: "# [Title](url)", "### Company" ("None" when missing), "#### `💰 pay` `🌎 place`", then the text.
    private static Posting? BoardPosting(string markdown)
    {
        var lines = markdown.Split('\n');
        if (lines.Length < 4 || !lines[0].StartsWith("# [", StringComparison.Ordinal))
        {
            return null;
        }

        var titleEnd = lines[0].IndexOf("](", StringComparison.Ordinal);
        var title = titleEnd > 3 ? lines[0][3..titleEnd].Trim() : "";
        var company = lines[1].StartsWith("### ", StringComparison.Ordinal) ? lines[1][4..].Trim() : null;
        string? pay = null, place = null;
        foreach (var part in lines[2].Split('`'))
        {
            var p = part.Trim();
            if (p.StartsWith("💰", StringComparison.Ordinal))
            {
                pay = p["💰".Length..].Trim();
            }
            else if (p.StartsWith("🌎", StringComparison.Ordinal))
            {
                place = p["🌎".Length..].Trim();
            }
        }

        var text = string.Join('\n', lines[3..]).Trim();
        return title.Length == 0 || text.Length == 0 ? null
            : new Posting(title, company is null or "None" ? null : company, place, Sentences(text), pay, null, null, null);
    }

    // Sentences and lines, each with the whitespace that followed it, so joining them back gives the text.
    private static string[] Sentences(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or '!' or '?' && i + 1 < text.Length && text[i + 1] == ' ');
            if (end)
            {
                var next = i + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                parts.Add(text[start..next]);
                start = next;
                i = next - 1;
            }
        }

        if (start < text.Length)
        {
            parts.Add(text[start..] + "\n");
        }

        return [.. parts];
    }

    private static void Write(List<Posting> corpus, long count, ulong seed, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var text = new StringBuilder();
        var order = new List<string>();
        var newline = "\n"u8.ToArray();
        for (long i = 0; i < count; i++)
        {
            var posting = corpus[(int)(i % corpus.Count)];
            var pass = i / corpus.Count;
            text.Clear();
            if (pass == 0)
            {
                foreach (var sentence in posting.Sentences)
                {
                    text.Append(sentence);
                }
            }
            else
            {
                order.Clear();
                order.AddRange(posting.Sentences);
                var state = seed ^ (ulong)i * 0x9E3779B97F4A7C15UL;
                for (var k = order.Count - 1; k > 0; k--)
                {
                    var j = (int)(SplitMix(ref state) % (ulong)(k + 1));
                    (order[k], order[j]) = (order[j], order[k]);
                }

                foreach (var sentence in order)
                {
                    text.Append(sentence);
                    if (!char.IsWhiteSpace(sentence[^1]))
                    {
                        text.Append(' ');
                    }
                }
            }

            var id = i.ToString("D7", CultureInfo.InvariantCulture);
            text.Append("\n\nRequisition SS-").Append(id).Append('.');
            json.Reset();
            json.WriteStartObject();
            json.WriteString("source_id", "SS-" + id);
            json.WriteString("title", posting.Title);
            Optional("company", posting.Company is null ? null
                : pass == 0 ? posting.Company
                : string.Create(CultureInfo.InvariantCulture, $"{posting.Company} ({pass % CompanyVariants + 1})"));
            Optional("location", posting.Location);
            json.WriteString("description", text.ToString());
            json.WriteString("posted_date", FirstDay.AddDays((int)(i * 7919 % Days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Optional("salary_text", posting.SalaryText);
            Optional("seniority_hint", posting.Seniority);
            Optional("employment_type_hint", posting.EmploymentType);
            Optional("work_arrangement_hint", posting.WorkArrangement);
            json.WriteEndObject();
            json.Flush();
            stream.Write(newline);
        }

        void Optional(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                json.WriteString(name, value);
            }
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
