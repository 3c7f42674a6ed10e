using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SkillScope.Career;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Benchmarks;

/// <summary>
/// `match-stages --db DB --resume FILE [--runs N] [--top N] [--as-of YYYY-MM-DD]`: where a warm `match` spends its time
/// on an existing store (as a running server does it: taxonomy, extractor and JIT already warm), as CPU time of this
/// process and wall time per stage: choosing the terms, the full-text candidates (one pass: all postings and the resume's role), loading them, the
/// engine's BM25 of every match alone, the candidates four times as many (as <c>match</c> ranks when copies fold them into too few ads) and
/// loading those, and the whole
/// <see cref="JobMatcher.Match"/>; then a digest of the report's JSON, so two builds can be compared for the same
/// results. The store's full-text index must be built (run `skillscope match` once); nothing is written.
/// </summary>
internal static class MatchStages
{
    public static int Run(string[] args)
    {
        var db = Text(args, "--db") ?? throw new ArgumentException("--db DB is required");
        var file = Text(args, "--resume") ?? throw new ArgumentException("--resume FILE is required");
        var runs = int.Parse(Text(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var top = int.Parse(Text(args, "--top") ?? "10", CultureInfo.InvariantCulture);
        var asOf = DateOnly.ParseExact(Text(args, "--as-of") ?? "2026-11-22", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var taxonomy = SkillTaxonomy.Default;
        var resume = ResumeReader.Read(file, new ResumeReadOptions { AsOf = asOf, Extractor = new SkillExtractor(taxonomy) }).Resume
            ?? throw new ArgumentException($"{file}: not a readable resume");
        using var store = SkillStore.Open(db);
        if (PostingIndex.Pending(store) > 0)
        {
            Console.Error.WriteLine("the full-text index is not current: run `skillscope match` once on this store first");
            return 2;
        }

        var request = new MatchRequest { Top = top };
        var indexed = PostingIndex.IndexedCount(store);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{db}: {indexed:N0} postings indexed; resume {Path.GetFileName(file)} ({resume.Role}, {resume.Seniority})"));
        MatchReport? report = null;
        for (var run = 0; run <= runs; run++)
        {
            // What the server does per request before matching: read the resume with a new extractor.
            var read = Measure(() => ResumeReader.Read(file, new ResumeReadOptions { AsOf = asOf, Extractor = new SkillExtractor(taxonomy) }).Resume);
            var terms = Measure(() => JobMatcher.Terms(store, taxonomy, resume, indexed, null));
            var search = Measure(() => PostingIndex.Search(store, terms.Result, request.Filter with { Kinds = ["posting"] }, request.Candidates, resume.Role));
            var load = Measure(() => PostingIndex.Load(store, [.. search.Result.All.Concat(search.Result.Role).Select(h => h.Id).Distinct()], withText: false));
            var fts = Measure(() => Bm25Only(store, terms.Result));
            var grown = Measure(() => PostingIndex.Rank(store, terms.Result, request.Filter with { Kinds = ["posting"] }, resume.Role).Take(request.Candidates * 4));
            var loadGrown = Measure(() => PostingIndex.Load(store, [.. grown.Result.All.Concat(grown.Result.Role).Select(h => h.Id).Distinct()], withText: false));
            var whole = Measure(() => JobMatcher.Match(store, taxonomy, resume, request));
            report = whole.Result;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "cold " : "run " + run)}: read resume {read.Cpu * 1000,6:F1} ms CPU; terms {terms.Cpu * 1000,6:F1} ms CPU ({terms.Wall * 1000:F1} wall, {terms.Result.Count} terms); " +
                $"search {search.Cpu * 1000,6:F1} ms CPU ({search.Wall * 1000:F1} wall); load {load.Cpu * 1000,6:F1} ms CPU ({load.Wall * 1000:F1} wall, {load.Result.Count}); " +
                $"bm25 only {fts.Cpu * 1000,6:F1} ms CPU ({fts.Wall * 1000:F1} wall, {fts.Result}); ranked x4 {grown.Cpu * 1000,6:F1} ms CPU ({grown.Wall * 1000:F1} wall); load x4 {loadGrown.Cpu * 1000,6:F1} ms CPU ({loadGrown.Wall * 1000:F1} wall, {loadGrown.Result.Count}); " +
                $"whole match {whole.Cpu * 1000,7:F1} ms CPU ({whole.Wall * 1000:F1} wall, {whole.Result.Candidates} candidates)"));
        }

        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Console.WriteLine($"report sha256 {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16]}; top {report!.Matches.Count}: "
            + string.Join(' ', report.Matches.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.RecordId}:{m.Score:0.0}"))));
        return 0;
    }

    // The engine's share of the pass: BM25 of every match read, no join, no sort.
    private static int Bm25Only(SkillStore store, IReadOnlyList<string> terms)
    {
        using var command = store.Command("SELECT rowid, bm25(records_fts, 3.0, 0.0, 0.0, 1.0) FROM records_fts WHERE records_fts MATCH @q");
        var query = "{title description} : (" + string.Join(" OR ", terms.Select(t => "\"" + string.Join(' ', PostingIndex.Tokens(t)) + "\"")) + ")";
        var p = command.CreateParameter();
        p.ParameterName = "@q";
        p.Value = query;
        command.Parameters.Add(p);
        using var reader = command.ExecuteReader();
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    private static (T Result, double Cpu, double Wall) Measure<T>(Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = work();
        var wall = watch.Elapsed.TotalSeconds;
        return (result, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, wall);
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
