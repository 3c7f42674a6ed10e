using System.Globalization;
using System.Text.Json;
using SkillScope.Ingest.Generic;
using SkillScope.Ingest.Web;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// JSON Lines: one JSON object per line, read through a column mapping whose values are keys, with
/// dots for nested objects ("company.display_name"). Without a mapping, top-level keys named like
/// RawRecord fields are used. A line that is not a JSON object is a rejected row; blank lines are not rows.
/// The same caps as the JobPosting reader (<see cref="WebLimits"/>): a line over 4 Mi characters is rejected unread.
/// </summary>
internal sealed class JsonLinesFormat : IRecordFormat
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public string Name => "jsonl";

    public string DefaultSource => "jsonl";

    /// <summary>The first non-blank line is a JSON object (the registry only asks when the user supplied a mapping).</summary>
    public bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var lines = new StringReader(probe.Head);
        while (lines.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line, Options);
                return document.RootElement.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return false;
    }

    public IEnumerable<SourceRow> Read(TextReader text, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var mapping = context.ColumnMapping is { } given ? ColumnMapping.From(given, "column mapping") : null;
        return Rows(text, mapping);
    }

    // Lines are read through the JobPosting reader's scanner, with its caps: a line over WebLimits.MaxRecordChars is
    // rejected without being held in memory, and a rejected line keeps only its first MaxSnippetChars characters.
    private static IEnumerable<SourceRow> Rows(TextReader text, ColumnMapping? mapping)
    {
        var limits = WebLimits.Default;
        var builder = new RecordBuilder();
        long position = 0;
        foreach (var chunk in JsonChunks.Lines(new JsonTextScanner(text), limits))
        {
            position++;
            if (chunk.Error is not null)
            {
                yield return SourceRow.Rejected(position, chunk.Line, chunk.Text, chunk.Error);
                continue;
            }

            var raw = chunk.Text.TrimEnd('\r');
            var (record, error) = Map(raw, mapping, builder);
            yield return record is not null
                ? SourceRow.Ok(position, chunk.Line, raw, record)
                : SourceRow.Rejected(position, chunk.Line, JsonChunks.Snippet(raw, limits), error!);
        }
    }

    private static (RawRecord? Record, string? Error) Map(string raw, ColumnMapping? mapping, RecordBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw, Options);
        }
        catch (JsonException e)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"invalid JSON at character {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"expected a JSON object, found {Describe(root.ValueKind)}");
            }

            builder.Clear();
            if (mapping is null)
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (MappableField.Find(property.Name) is { } field && Set(builder, field, property.Value) is { } error)
                    {
                        return (null, error);
                    }
                }
            }
            else
            {
                foreach (var mapped in mapping.Fields)
                {
                    var error = mapped.Literal is { } literal ? builder.Set(mapped.Field, literal)
                        : mapped.Columns.Count > 1 ? builder.Set(mapped.Field, mapped.Combine([.. mapped.Columns.Select(c => TextAt(root, c))]))
                        : TryFind(root, mapped.Column!, out var value) ? Set(builder, mapped.Field, value) : null;
                    if (error is not null)
                    {
                        return (null, error);
                    }
                }
            }

            return builder.Build();
        }
    }

    /// <summary>The text of a key path for combining: a string as is, an array's items joined by ";", other values as JSON; null when absent.</summary>
    private static string? TextAt(JsonElement root, string path)
    {
        if (!TryFind(root, path, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.Array => string.Join(";", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }

    /// <summary>
    /// Finds "a.b.c" in nested objects, with numbers indexing arrays ("pay.0.min"); a key that itself
    /// contains dots is tried whole first.
    /// </summary>
    private static bool TryFind(JsonElement element, string path, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(path, out value))
            {
                return true;
            }

            for (var dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
            {
                if (element.TryGetProperty(path[..dot], out var child) && TryFind(child, path[(dot + 1)..], out value))
                {
                    return true;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var segment = dot < 0 ? path : path[..dot];
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                var item = element[index];
                if (dot < 0)
                {
                    value = item;
                    return true;
                }

                return TryFind(item, path[(dot + 1)..], out value);
            }
        }

        value = default;
        return false;
    }

    private static string? Set(RecordBuilder builder, MappableField field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.String:
                return builder.Set(field, value.GetString());
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number) ? builder.SetNumber(field, number) : builder.Set(field, value.GetRawText());
            case JsonValueKind.True or JsonValueKind.False:
                return builder.Set(field, value.ValueKind == JsonValueKind.True ? "true" : "false");
            case JsonValueKind.Array:
                var items = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    switch (item.ValueKind)
                    {
                        case JsonValueKind.String when !string.IsNullOrWhiteSpace(item.GetString()):
                            items.Add(item.GetString()!.Trim());
                            break;
                        case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                            items.Add(item.GetRawText());
                            break;
                        case JsonValueKind.Null or JsonValueKind.String:
                            break;
                        default:
                            return $"{field.Name}: the array holds {Describe(item.ValueKind)}, not text";
                    }
                }

                return builder.SetList(field, items);
            default:
                return $"{field.Name} is {Describe(value.ValueKind)}; map a key inside it with a dotted path (e.g. company.name)";
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).ReplaceLineEndings(" ").TrimEnd('.');
    }
}
