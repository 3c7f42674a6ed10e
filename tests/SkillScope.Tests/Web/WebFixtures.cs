using System.Runtime.CompilerServices;
using SkillScope.Ingest;
using SkillScope.Model;

namespace SkillScope.Tests.Web;

internal static class WebFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "web", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static List<SourceRow> Read(IRecordFormat format, string name)
    {
        using var reader = new StreamReader(PathOf(name));
        return format.Read(reader, new FormatContext(PathOf(name))).ToList();
    }

    public static List<SourceRow> ReadText(IRecordFormat format, string text, string fileName = "input.json")
    {
        using var reader = new StringReader(text);
        return format.Read(reader, new FormatContext(fileName)).ToList();
    }

    /// <summary>
    /// Compares output with a committed expected file; with SKILLSCOPE_UPDATE_EXPECTED=1 it rewrites the
    /// file in the source tree instead (review the diff before committing).
    /// </summary>
    public static void AssertMatchesExpected(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        if (Environment.GetEnvironmentVariable("SKILLSCOPE_UPDATE_EXPECTED") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Fixtures", "web", name);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(PathOf(name)), actual);
    }

    public static RawRecord Single(List<SourceRow> rows)
    {
        var row = Assert.Single(rows);
        Assert.True(row.Error is null, row.Error);
        return row.Record!;
    }

    public static FormatProbe Probe(string fileName, string text)
    {
        var head = text.Length <= 65536 ? text : text[..65536];
        var newline = head.IndexOf('\n', StringComparison.Ordinal);
        return new FormatProbe(fileName, newline < 0 ? head : head[..newline].TrimEnd('\r'), head);
    }
}
