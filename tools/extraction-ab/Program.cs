using System.Collections;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;

// extraction-ab DIR_BEFORE DIR_AFTER PAIRS CORPUS.jsonl: two builds' SkillScope.dll in one process, each in its own load
// context; checks that both give the same mentions for every text, then times passes over the corpus alternately (ABBA)
// by the thread's CPU clock, so other load on the machine counts less than in wall-clock figures. Linux only.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: extraction-ab DIR_BEFORE DIR_AFTER PAIRS CORPUS.jsonl (one JSON string per line)");
    return 2;
}

var texts = File.ReadLines(args[3]).Select(l => JsonSerializer.Deserialize<string>(l) ?? "").ToList();
var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
var pairs = int.Parse(args[2], CultureInfo.InvariantCulture);
var before = Extractor.Load(args[0], "before");
var after = Extractor.Load(args[1], "after");

long differ = 0;
long mentions = 0;
foreach (var text in texts)
{
    var a = Extractor.Records(before(text));
    var b = Extractor.Records(after(text));
    mentions += a.Count;
    differ += a.SequenceEqual(b) ? 0 : 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{texts.Count} texts, {bytes / 1e6:F2} MB, {mentions} mentions; texts whose mentions differ: {differ}"));
for (var i = 0; i < 6; i++)
{
    Extractor.Pass(before, texts);
    Extractor.Pass(after, texts);
}

var timesBefore = new List<double>();
var timesAfter = new List<double>();
var ratios = new List<double>();
for (var i = 0; i < pairs; i++)
{
    double x, y;
    if (i % 2 == 0)
    {
        x = Extractor.Pass(before, texts);
        y = Extractor.Pass(after, texts);
    }
    else
    {
        y = Extractor.Pass(after, texts);
        x = Extractor.Pass(before, texts);
    }

    timesBefore.Add(x);
    timesAfter.Add(y);
    ratios.Add(x / y);
}

ratios.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"pairs {pairs}: before median {bytes / Median(timesBefore) / 1e6:F1} MB/s, after median {bytes / Median(timesAfter) / 1e6:F1} MB/s (CPU time); after/before speed: median of pair ratios {Median(ratios):F3}, quartiles {ratios[pairs / 4]:F3}-{ratios[3 * pairs / 4]:F3}"));
return differ == 0 ? 0 : 1;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

internal static partial class Extractor
{
    public static Func<string, object> Load(string folder, string name)
    {
        var context = new AssemblyLoadContext(name);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(folder, "SkillScope.dll")));
        var type = assembly.GetType("SkillScope.Skills.SkillExtractor", throwOnError: true)!;
        var extractor = type.GetProperty("Default")!.GetValue(null)!;
        return type.GetMethod("Extract", [typeof(string)])!.CreateDelegate<Func<string, object>>(extractor);
    }

    /// <summary>Each mention's record text (all its fields).</summary>
    public static List<string> Records(object mentions) => [.. ((IEnumerable)mentions).Cast<object>().Select(m => m.ToString() ?? "")];

    /// <summary>One pass over the texts, in seconds of this thread's CPU time.</summary>
    public static double Pass(Func<string, object> extract, List<string> texts)
    {
        var start = ThreadCpu();
        long count = 0;
        foreach (var text in texts)
        {
            count += ((ICollection)extract(text)).Count;
        }

        GC.KeepAlive(count);
        return ThreadCpu() - start;
    }

    private static double ThreadCpu()
    {
        const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        _ = ClockGetTime(ThreadCpuClock, out var time);
        return time.Seconds + (time.Nanoseconds / 1e9);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
