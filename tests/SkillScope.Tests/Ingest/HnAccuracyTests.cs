using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkillScope.Model;
using SkillScope.Normalize;
using Xunit.Abstractions;

namespace SkillScope.Tests.Ingest;

/// <summary>
/// The HN reader against comments labelled by hand (Fixtures/hn/labels.json, rules in docs/accuracy.md): company,
/// role, work arrangement and salary of each ad, how many advertised roles became postings, and replies skipped.
/// </summary>
public partial class HnAccuracyTests(ITestOutputHelper output)
{
    private const string Runs = "hn_whoishiring_2026_fulltext/runs";

    /// <summary>Figures measured on the labels; docs/accuracy.md quotes them.</summary>
    internal sealed record Scores(int Ads, int NotAds, double Company, double Role, double Arrangement, double Salary, double RolesCovered, double NotAdsSkipped, int Postings, int LabelledRoles);

    /// <summary>
    /// The development labels (labels.json, and labels-holdout.json, held out until the second held-out sample was
    /// drawn): the rules were written against them, so these figures show what the rules cover, not how well they
    /// generalise (see <see cref="The_second_held_out_sample_stays_at_or_above_its_measured_figures"/>).
    /// </summary>
    [SharedDataFact("hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json")]
    public void Labelled_comments_come_out_right_often_enough()
    {
        var (_, heldReport) = Measure("labels-holdout.json");
        output.WriteLine("first held-out sample (development data since 2026-12-07): " + heldReport);
        var (scores, report) = Measure("labels.json", "labels-holdout.json");
        output.WriteLine(report);
        Assert.True(scores.Ads + scores.NotAds >= 60, $"{scores.Ads + scores.NotAds} labelled comments");
        Assert.True(scores.Company >= 0.85, $"company {scores.Company:P1}");
        Assert.True(scores.Role >= 0.85, $"role {scores.Role:P1}");
        Assert.True(scores.Arrangement >= 0.80, $"arrangement {scores.Arrangement:P1}");
        Assert.True(scores.Salary >= 0.80, $"salary {scores.Salary:P1}");
        Assert.True(scores.RolesCovered >= 0.80, $"roles covered {scores.RolesCovered:P1}");
        Assert.Equal(1.0, scores.NotAdsSkipped);
    }

    /// <summary>
    /// The second held-out sample (labels-holdout2.json: 42 comments drawn with seed 1203 and labelled by hand before
    /// any rule was changed, committed in 748dac1), measured once after the rules were changed with the development
    /// labels only (docs/accuracy.md). Each floor is the target where the measured figure met it, else the figure
    /// measured: a change that reads these comments worse fails here.
    /// </summary>
    [SharedDataFact("hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json")]
    public void The_second_held_out_sample_stays_at_or_above_its_measured_figures()
    {
        var (scores, report) = Measure("labels-holdout2.json");
        output.WriteLine("second held-out sample: " + report);
        Assert.Equal((41, 1), (scores.Ads, scores.NotAds));
        Assert.True(scores.Company >= HeldOut2.Company - 1e-9, $"company {scores.Company:P1}");
        Assert.True(scores.Role >= HeldOut2.Role - 1e-9, $"role {scores.Role:P1}");
        Assert.True(scores.Arrangement >= HeldOut2.Arrangement - 1e-9, $"arrangement {scores.Arrangement:P1}");
        Assert.True(scores.Salary >= HeldOut2.Salary - 1e-9, $"salary {scores.Salary:P1}");
        Assert.True(scores.RolesCovered >= HeldOut2.RolesCovered - 1e-9, $"roles covered {scores.RolesCovered:P1}");
        Assert.True(scores.NotAdsSkipped >= HeldOut2.NotAdsSkipped - 1e-9, $"replies skipped {scores.NotAdsSkipped:P1}");
    }

    /// <summary>
    /// Floors for the second held-out sample: min(target, first measurement) per figure (docs/accuracy.md). Measured
    /// 2026-12-07: company 87.8 %, role 90.7 % of 54 postings, arrangement 90.2 %, salary 90.2 % (41 ads: targets met);
    /// roles covered 47 of 64 = 73.4 % (target 80 %: not met, so the floor is the figure measured); 1 reply of 1 skipped.
    /// </summary>
    private static readonly (double Company, double Role, double Arrangement, double Salary, double RolesCovered, double NotAdsSkipped) HeldOut2 =
        (0.85, 0.85, 0.80, 0.80, 47.0 / 64, 1.0);

    /// <summary>
    /// The third held-out sample (labels-holdout3.json: 49 comments drawn with seed 1207 and labelled by hand, committed
    /// in 9e44c50 before the rules of that round were changed), measured once after the rules were changed with the
    /// development labels only (docs/accuracy.md). Each floor is just under the figure measured: a change that reads
    /// these comments worse fails here.
    /// </summary>
    [SharedDataFact("hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json")]
    public void The_third_held_out_sample_stays_at_or_above_its_measured_figures()
    {
        var (scores, report) = Measure("labels-holdout3.json");
        output.WriteLine("third held-out sample: " + report);
        Assert.Equal((48, 1), (scores.Ads, scores.NotAds));
        Assert.True(scores.Company >= HeldOut3.Company - 1e-9, $"company {scores.Company:P1}");
        Assert.True(scores.Role >= HeldOut3.Role - 1e-9, $"role {scores.Role:P1}");
        Assert.True(scores.Arrangement >= HeldOut3.Arrangement - 1e-9, $"arrangement {scores.Arrangement:P1}");
        Assert.True(scores.Salary >= HeldOut3.Salary - 1e-9, $"salary {scores.Salary:P1}");
        Assert.True(scores.RolesCovered >= HeldOut3.RolesCovered - 1e-9, $"roles covered {scores.RolesCovered:P1}");
        Assert.True(scores.NotAdsSkipped >= HeldOut3.NotAdsSkipped - 1e-9, $"replies skipped {scores.NotAdsSkipped:P1}");
    }

    /// <summary>
    /// Floors for the third held-out sample: the figures measured once on 2026-12-07 (docs/accuracy.md): company 43 of
    /// 48 ads = 89.6 %, role 65 of 75 postings = 86.7 %, arrangement 46 of 48 = 95.8 %, salary 45 of 48 = 93.8 %, roles
    /// covered 63 of 80 = 78.8 % (target 80 %: not met), 1 reply of 1 skipped.
    /// </summary>
    private static readonly (double Company, double Role, double Arrangement, double Salary, double RolesCovered, double NotAdsSkipped) HeldOut3 =
        (43.0 / 48, 65.0 / 75, 46.0 / 48, 45.0 / 48, 63.0 / 80, 1.0);

    /// <summary>
    /// The fourth held-out sample (labels-holdout4.json: 49 comments drawn with seed 1211 and labelled by hand, committed
    /// in fc06c58 before the rules of that round were changed and before the reader ran on them), measured once after the
    /// rules were changed with the four development label sets only (docs/accuracy.md). Each floor is the issue's target
    /// where the measured figure met it, else the figure measured.
    /// </summary>
    [SharedDataFact("hn_whoishiring_2026_fulltext/runs/2026-05-05/raw.json")]
    public void The_fourth_held_out_sample_meets_the_targets()
    {
        var (scores, report) = Measure("labels-holdout4.json");
        output.WriteLine("fourth held-out sample: " + report);
        Assert.Equal((49, 0), (scores.Ads, scores.NotAds));
        Assert.True(scores.Company >= HeldOut4.Company - 1e-9, $"company {scores.Company:P1}");
        Assert.True(scores.Role >= HeldOut4.Role - 1e-9, $"role {scores.Role:P1}");
        Assert.True(scores.Arrangement >= HeldOut4.Arrangement - 1e-9, $"arrangement {scores.Arrangement:P1}");
        Assert.True(scores.Salary >= HeldOut4.Salary - 1e-9, $"salary {scores.Salary:P1}");
        Assert.True(scores.RolesCovered >= HeldOut4.RolesCovered - 1e-9, $"roles covered {scores.RolesCovered:P1}");
    }

    /// <summary>Floors for the fourth held-out sample: the targets of issue 12 (company 85 %, role 85 %, arrangement 80 %, salary 80 %, roles covered 80 %).</summary>
    private static readonly (double Company, double Role, double Arrangement, double Salary, double RolesCovered) HeldOut4 =
        (0.85, 0.85, 0.80, 0.80, 0.80);

    internal static (Scores Scores, string Report) Measure(params string[] labelFiles)
    {
        var comments = new List<JsonElement>();
        foreach (var file in labelFiles)
        {
            using var labels = JsonDocument.Parse(File.ReadAllText(SharedData.Repo("tests/SkillScope.Tests/Fixtures/hn/" + file)));
            comments.AddRange(labels.RootElement.GetProperty("comments").EnumerateArray().Select(c => c.Clone()));
        }

        var byRun = new Dictionary<string, Dictionary<string, List<JobRecord>>>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var run in comments.Select(c => c.GetProperty("run").GetString()!).Distinct())
        {
            var (_, rows) = IngestKit.ReadFile(SharedData.Path($"{Runs}/{run}/raw.json"));
            var postings = new Dictionary<string, List<JobRecord>>(StringComparer.Ordinal);
            var ignored = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row.Record is { } raw)
                {
                    var id = raw.SourceId![..raw.SourceId!.IndexOf('/', StringComparison.Ordinal)];
                    var normalized = RecordNormalizer.Normalize(raw, FxRates.Default).Record!;
                    (postings.TryGetValue(id, out var list) ? list : postings[id] = []).Add(normalized);
                }
                else if (row.Ignored && ItemId().Match(row.RawText) is { Success: true } m)
                {
                    ignored.Add(m.Groups[1].Value);
                }
            }

            byRun[run] = postings;
            skipped[run] = ignored;
        }

        int ads = 0, notAds = 0, company = 0, arrangement = 0, salary = 0, notAdsSkipped = 0, postingsTotal = 0, postingsRight = 0, labelled = 0, covered = 0;
        var report = new StringBuilder();
        foreach (var c in comments)
        {
            var run = c.GetProperty("run").GetString()!;
            var id = c.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
            var found = byRun[run].GetValueOrDefault(id) ?? [];
            if (!c.GetProperty("ad").GetBoolean())
            {
                notAds++;
                if (found.Count == 0 && skipped[run].Contains(id))
                {
                    notAdsSkipped++;
                }
                else
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{id}: a reply read as an ad ({found.Count} postings)");
                }

                continue;
            }

            ads++;
            var first = found.FirstOrDefault();
            var wantCompany = c.GetProperty("company").GetString();
            if (CompanyKey(first?.Company) == CompanyKey(wantCompany))
            {
                company++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{id}: company '{first?.Company}' want '{wantCompany}'");
            }

            var wantArrangement = c.GetProperty("arrangement").GetString() ?? WorkArrangements.Unknown;
            if ((first?.WorkArrangement ?? WorkArrangements.Unknown) == wantArrangement)
            {
                arrangement++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{id}: arrangement '{first?.WorkArrangement}' want '{wantArrangement}'");
            }

            if (SalaryRight(first?.Salary, c.GetProperty("salary")))
            {
                salary++;
            }
            else
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{id}: salary {first?.Salary?.Min}-{first?.Salary?.Max} {first?.Salary?.Currency} {first?.Salary?.Period} {first?.Salary?.Flag} want {c.GetProperty("salary")}");
            }

            var wanted = c.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList();
            labelled += wanted.Count;
            postingsTotal += found.Count;
            var open = wanted.Select(RoleTokens).ToList();
            foreach (var posting in found)
            {
                var tokens = RoleTokens(posting.Title);
                var match = open.FindIndex(w => SameRole(w, tokens));
                if (match >= 0)
                {
                    postingsRight++;
                    covered++;
                    open.RemoveAt(match);
                }
                else if (wanted.Any(w => SameRole(RoleTokens(w), tokens)))
                {
                    postingsRight++;
                }
                else
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{id}: posting '{posting.Title}' is none of [{string.Join("; ", wanted)}]");
                }
            }

            if (open.Count > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{id}: {open.Count} of {wanted.Count} roles without a posting [{string.Join("; ", found.Select(f => f.Title))}]");
            }
        }

        var scores = new Scores(ads, notAds,
            Share(company, ads), Share(postingsRight, postingsTotal), Share(arrangement, ads), Share(salary, ads), Share(covered, labelled),
            Share(notAdsSkipped, notAds), postingsTotal, labelled);
        report.Insert(0, string.Create(CultureInfo.InvariantCulture,
            $"ads {ads}, replies {notAds}: company {scores.Company:P1}, role {scores.Role:P1} of {postingsTotal} postings, arrangement {scores.Arrangement:P1}, salary {scores.Salary:P1}, roles covered {scores.RolesCovered:P1} of {labelled}, replies skipped {scores.NotAdsSkipped:P1}\n"));
        return (scores, report.ToString());
    }

    private static double Share(int part, int total) => total == 0 ? 1 : (double)part / total;

    private static bool SalaryRight(Salary? got, JsonElement want)
    {
        if (want.ValueKind == JsonValueKind.Null)
        {
            return got is null || got.Flag is not null;
        }

        if (got is null || got.Flag is not null || got.Period is null)
        {
            return false;
        }

        // Labels state pay per year ("$20K/mo" is 240,000); a monthly or hourly posting is compared at the project's
        // factor (Money.AnnualFactor: hour 2080, month 12).
        var factor = (decimal)Money.AnnualFactor(got.Period);
        var min = want.GetProperty("min").GetDecimal();
        var max = want.GetProperty("max").GetDecimal();
        return got.Currency == want.GetProperty("currency").GetString() && Close(got.Min * factor, min) && Close(got.Max * factor, max);
    }

    private static bool Close(decimal? got, decimal want) => got is { } g && Math.Abs(g - want) <= want * 0.01m;

    /// <summary>Company names compared without case, punctuation, parentheses, legal suffixes or a domain ending.</summary>
    internal static string CompanyKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var text = Parenthesized().Replace(name.ToLowerInvariant(), " ");
        text = DomainEnding().Replace(text, "");
        var words = NonWord().Split(text).Where(w => w.Length > 0 && w is not ("inc" or "llc" or "ltd" or "gmbh" or "corp")).ToList();
        return string.Join(' ', words);
    }

    /// <summary>A title as lower-case words, abbreviations spelled out, plurals made singular.</summary>
    internal static HashSet<string> RoleTokens(string title)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in NonWord().Split(title.ToLowerInvariant()))
        {
            var word = raw switch
            {
                "sr" => "senior",
                "jr" => "junior",
                "eng" => "engineer",
                "fe" => "frontend",
                "dev" or "devs" => "developer",
                _ => raw,
            };
            if (word is "" or "and" or "the" or "a" or "an" or "of" or "for" or "role" or "roles")
            {
                continue;
            }

            if (word == "swe")
            {
                words.Add("software");
                words.Add("engineer");
                continue;
            }

            // Plural s dropped (docs/accuracy.md), also from three-letter words ("co-ops" is "co-op").
            words.Add(word.Length >= 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word);
        }

        return words;
    }

    /// <summary>Same role: one title's words are all in the other's.</summary>
    internal static bool SameRole(HashSet<string> a, HashSet<string> b) => a.Count > 0 && b.Count > 0 && (a.IsSubsetOf(b) || b.IsSubsetOf(a));

    [GeneratedRegex(@"""id""\s*:\s*(\d+)")]
    private static partial Regex ItemId();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"\.(?:com|ai|io|fm|dev|co|app|org|net)\b")]
    private static partial Regex DomainEnding();

    [GeneratedRegex(@"[^\p{L}\p{N}+#]+")]
    private static partial Regex NonWord();
}
