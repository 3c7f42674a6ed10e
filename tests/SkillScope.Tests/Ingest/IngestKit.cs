using SkillScope.Ingest;
using SkillScope.Model;

namespace SkillScope.Tests.Ingest;

/// <summary>Reads a file the way the pipeline does: inspect, probe, pick the format, stream the rows.</summary>
internal static class IngestKit
{
    public static (IRecordFormat Format, List<SourceRow> Rows) ReadFile(
        string path, string? formatName = null, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var file = TextDecoding.Inspect(path);
        var format = FormatRegistry.Resolve(FormatRegistry.Probe(file), formatName, mapping);
        using var text = TextDecoding.Open(file);
        var rows = format.Read(text, new FormatContext(path) { ColumnMapping = mapping }).ToList();
        return (format, rows);
    }

    public static List<SourceRow> ReadText(string formatName, string text, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var format = FormatRegistry.Find(formatName) ?? throw new ArgumentException(formatName);
        using var reader = new StringReader(text);
        return [.. format.Read(reader, new FormatContext("test.csv") { ColumnMapping = mapping })];
    }

    public static RawRecord Record(this SourceRow row) =>
        row.Record ?? throw new Xunit.Sdk.XunitException($"row {row.Position} (line {row.Line}) was rejected: {row.Error}");

    /// <summary>Fails with the first rejection, so a failing test says which row and why.</summary>
    public static void AssertNoRejections(IEnumerable<SourceRow> rows)
    {
        var rejected = rows.FirstOrDefault(r => r.Error is not null);
        Assert.True(rejected.Error is null, $"row {rejected.Position} (line {rejected.Line}) rejected: {rejected.Error}");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skillscope-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
