using System.Text;
using System.Text.Json;
using SkillScope.Skills;

namespace SkillScope.Cli.Commands;

/// <summary>
/// `skills extract` over many inputs: files, folders (every file below, in ordinal path order) or JSON Lines, one
/// output line per input in input order. Texts are extracted in chunks on every core; an input that cannot be read
/// gives an error line and the exit code 1, and the others are still written.
/// </summary>
internal static class BatchExtract
{
    private const int Chunk = 512;

    internal sealed record Input(string Name, string? Text, string? Employer, string? Error);

    public static int Run(IReadOnlyList<string> paths, bool jsonLines, SkillExtractor extractor, bool includeContext, TextWriter output, TextWriter error)
    {
        var failed = 0;
        var chunk = new List<Input>(Chunk);
        foreach (var input in Inputs(paths.Count == 0 ? ["-"] : paths, jsonLines))
        {
            chunk.Add(input);
            if (chunk.Count == Chunk)
            {
                failed += Flush(chunk, extractor, includeContext, output);
            }
        }

        failed += Flush(chunk, extractor, includeContext, output);
        if (failed > 0)
        {
            error.WriteLine($"{failed} input(s) could not be read; see the lines with \"error\"");
        }

        return failed == 0 ? 0 : 1;
    }

    private static int Flush(List<Input> chunk, SkillExtractor extractor, bool includeContext, TextWriter output)
    {
        var lines = new string[chunk.Count];
        Parallel.For(0, chunk.Count, i => lines[i] = Line(chunk[i], extractor, includeContext));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        var failed = chunk.Count(c => c.Error is not null);
        chunk.Clear();
        return failed;
    }

    private static string Line(Input input, SkillExtractor extractor, bool includeContext)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("input", input.Name);
            if (input.Error is not null)
            {
                json.WriteString("error", input.Error);
                json.WriteEndObject();
            }
            else
            {
                var taxonomy = extractor.Taxonomy;
                var mentions = extractor.Extract(input.Text!, input.Employer);
                var counted = SkillExtractor.Distinct(mentions, includeContext);
                json.WriteNumber("mentions", mentions.Count);
                json.WriteStartArray("skills");
                foreach (var (skillId, strength) in counted)
                {
                    var skill = taxonomy.Find(skillId);
                    json.WriteStartObject();
                    json.WriteString("skill", skillId);
                    json.WriteString("name", skill?.Name);
                    json.WriteString("strength", strength);
                    SkillsCommands.WriteIds(json, skill);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("contextOnly");
                var seen = new HashSet<string>(counted.Select(c => c.SkillId), StringComparer.Ordinal);
                foreach (var m in mentions)
                {
                    if (!m.Counts && seen.Add(m.SkillId))
                    {
                        json.WriteStartObject();
                        json.WriteString("skill", m.SkillId);
                        json.WriteString("section", m.Exclusion ?? m.Section);
                        json.WriteEndObject();
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IEnumerable<Input> Inputs(IReadOnlyList<string> paths, bool jsonLines)
    {
        foreach (var path in paths)
        {
            if (path != "-" && Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    foreach (var input in FromFile(file, jsonLines))
                    {
                        yield return input;
                    }
                }
            }
            else
            {
                foreach (var input in FromFile(path, jsonLines))
                {
                    yield return input;
                }
            }
        }
    }

    private static IEnumerable<Input> FromFile(string path, bool jsonLines)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? System.Console.In : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new Input(path, null, null, $"cannot read: {e.Message}")];
        }

        return jsonLines ? Lines(path, reader) : [Whole(path, reader)];
    }

    private static Input Whole(string path, TextReader reader)
    {
        try
        {
            using (reader == System.Console.In ? null : reader)
            {
                return new Input(path, reader.ReadToEnd(), null, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Input(path, null, null, $"cannot read: {e.Message}");
        }
    }

    private static IEnumerable<Input> Lines(string path, TextReader reader)
    {
        using (reader == System.Console.In ? null : reader)
        {
            var number = 0;
            while (true)
            {
                string? line;
                string? failure = null;
                try
                {
                    line = reader.ReadLine();
                }
                catch (IOException e)
                {
                    line = null;
                    failure = e.Message;
                }

                if (failure is not null)
                {
                    yield return new Input($"{path}:{number + 1}", null, null, $"cannot read: {failure}");
                }

                if (line is null)
                {
                    yield break;
                }

                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return ParseLine($"{path}:{number}", line);
                }
            }
        }
    }

    /// <summary>A JSON string, or an object with "text" (or "title" + "description"), optional "id" and "company"/"employer".</summary>
    internal static Input ParseLine(string where, string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                return new Input(where, root.GetString(), null, null);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Input(where, null, null, "expected a JSON string or an object with \"text\"");
            }

            var name = root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : where;
            var employer = String(root, "company") ?? String(root, "employer");
            var text = String(root, "text");
            if (text is null)
            {
                var title = String(root, "title");
                var description = String(root, "description");
                text = title is null && description is null ? null : (title ?? "") + "\n" + (description ?? "");
            }

            return text is null
                ? new Input(name, null, null, "no \"text\" (or \"title\"/\"description\") field")
                : new Input(name, text, employer, null);
        }
        catch (JsonException e)
        {
            return new Input(where, null, null, $"not JSON: {e.Message}");
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
