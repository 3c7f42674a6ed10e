using System.Diagnostics;
using System.Globalization;
using System.Text;
using SkillScope.Skills;

namespace SkillScope.Benchmarks;

/// <summary>
/// `extraction-stages [--runs N] [--passes P] [--extract-only]`: where skill extraction's time goes, as CPU time of this process on one
/// thread (other load on the machine does not count), over the extraction benchmark's corpus (the 2,437 real postings,
/// 8.35 MB, P passes): scanning tokens alone, + the vocabulary lookup, the whole <see cref="SkillExtractor.Extract(string)"/>,
/// and + <see cref="SkillExtractor.Distinct(IReadOnlyList{SkillMention})"/>. Each stage includes the ones before it.
/// </summary>
internal static class ExtractionStages
{
    public static int Run(string[] args)
    {
        var runs = Option(args, "--runs", 3);
        var passes = Option(args, "--passes", 4);
        var profile = Array.IndexOf(args, "--extract-only") >= 0;
        var postings = PostingCorpus.Load();
        var bytes = postings.Sum(t => (long)Encoding.UTF8.GetByteCount(t)) * passes;
        var extractor = new SkillExtractor(SkillTaxonomy.Default);
        var vocabulary = extractor.Patterns.Vocabulary;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"taxonomy {extractor.Taxonomy.Version}: {extractor.Taxonomy.Skills.Count} skills, vocabulary {vocabulary.Count} tokens, {extractor.Patterns.NodeCount} trie nodes; {postings.Count} postings x {passes} passes = {bytes / 1e6:F1} MB"));
        for (var run = 1; run <= runs && profile; run++)
        {
            // For a profiler (perf, dotnet-trace): only Extract, so its samples are not mixed with the other stages'.
            var only = Cpu(() =>
            {
                long mentions = 0;
                for (var p = 0; p < passes; p++)
                {
                    foreach (var text in postings)
                    {
                        mentions += extractor.Extract(text).Count;
                    }
                }

                return mentions;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: extract {Rate(only)} ({only.Count:N0} mentions)"));
        }

        for (var run = 1; run <= runs && !profile; run++)
        {
            var scan = Cpu(() =>
            {
                long tokens = 0;
                for (var p = 0; p < passes; p++)
                {
                    foreach (var text in postings)
                    {
                        var scanner = new TokenScanner(text);
                        while (scanner.Next(out _, out _, out _))
                        {
                            tokens++;
                        }
                    }
                }

                return tokens;
            });
            var lookup = Cpu(() =>
            {
                long known = 0;
                for (var p = 0; p < passes; p++)
                {
                    foreach (var text in postings)
                    {
                        var scanner = new TokenScanner(text);
                        while (scanner.Next(out var start, out var end, out _))
                        {
                            var id = !scanner.AsciiWord ? vocabulary.LookupAt(text, start, end - start)
                                : end - start > 8 ? vocabulary.LookupLongAsciiWord(text, start, end - start)
                                : start + 8 <= text.Length ? vocabulary.LookupAsciiWord(text, start, end - start)
                                : vocabulary.LookupAt(text, start, end - start);
                            known += id >= 0 ? 1 : 0;
                        }
                    }
                }

                return known;
            });
            var extract = Cpu(() =>
            {
                long mentions = 0;
                for (var p = 0; p < passes; p++)
                {
                    foreach (var text in postings)
                    {
                        mentions += extractor.Extract(text).Count;
                    }
                }

                return mentions;
            });
            var distinct = Cpu(() =>
            {
                long skills = 0;
                for (var p = 0; p < passes; p++)
                {
                    foreach (var text in postings)
                    {
                        skills += SkillExtractor.Distinct(extractor.Extract(text)).Count;
                    }
                }

                return skills;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: scan {Rate(scan)} ({scan.Count:N0} tokens), +lookup {Rate(lookup)} ({lookup.Count:N0} known), extract {Rate(extract)} ({extract.Count:N0} mentions, {extract.Allocated / 1e6:F0} MB allocated), +distinct {Rate(distinct)} ({distinct.Count:N0} skills, {distinct.Allocated / 1e6:F0} MB)"));
        }

        return 0;

        string Rate((double Cpu, long Count, long Allocated) stage) =>
            string.Create(CultureInfo.InvariantCulture, $"{stage.Cpu:F3} s = {bytes / stage.Cpu / 1e6:F1} MB/s");
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static (double Cpu, long Count, long Allocated) Cpu(Func<long> work)
    {
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var count = work();
        var elapsed = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return (elapsed, count, GC.GetAllocatedBytesForCurrentThread() - allocated);
    }
}
