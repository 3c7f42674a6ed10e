using System.Globalization;
using System.Text.Json;

namespace SkillScope.Ingest.Web;

/// <summary>
/// Typed reads of JSON properties for one record. A property of the wrong JSON type does not throw:
/// the first such problem is kept in <see cref="Error"/> (with the property's path) and the reader
/// rejects the record with it. Missing and null properties are simply absent.
/// </summary>
internal sealed class JsonFields
{
    public string? Error { get; private set; }

    public void Fail(string message) => Error ??= message;

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? Text(JsonElement obj, string name, string? path = null)
    {
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        Fail($"'{path ?? name}' must be text, found {Describe(v)}");
        return null;
    }

    /// <summary>Text, or a number written as its JSON digits (ids are either).</summary>
    public string? Id(JsonElement obj, string name, string? path = null)
    {
        if (TryGet(obj, name, out var v) && v.ValueKind == JsonValueKind.Number)
        {
            return v.GetRawText();
        }

        return Text(obj, name, path);
    }

    /// <summary>A number, or text holding one (many pages write "120000").</summary>
    public decimal? Number(JsonElement obj, string name, string? path = null)
    {
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        return NumberOf(v, path ?? name);
    }

    public decimal? NumberOf(JsonElement v, string path)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number when v.TryGetDecimal(out var d):
                return d;
            case JsonValueKind.String:
                var s = v.GetString().AsSpan().Trim();
                if (s.IsEmpty)
                {
                    return null;
                }

                if (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
        }

        Fail($"'{path}' must be a number, found {Describe(v)}");
        return null;
    }

    public long? Integer(JsonElement obj, string name, string? path = null)
    {
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n))
        {
            return n;
        }

        Fail($"'{path ?? name}' must be a whole number, found {Describe(v)}");
        return null;
    }

    public bool? Boolean(JsonElement obj, string name, string? path = null)
    {
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Fail($"'{path ?? name}' must be true or false, found {Describe(v)}");
        return null;
    }

    /// <summary>An ISO 8601 date or date-time; the date as stated (no time-zone shift).</summary>
    public DateOnly? Date(JsonElement obj, string name, string? path = null)
    {
        var text = Text(obj, name, path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.AsSpan().Trim();
        if (s.Length >= 10 && (s.Length == 10 || s[10] is 'T' or 't' or ' ')
            && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Fail($"'{path ?? name}' is not an ISO 8601 date: \"{Clip(text, 40)}\"");
        return null;
    }

    /// <summary>An object; anything else but null is an error.</summary>
    public JsonElement? Object(JsonElement obj, string name, string? path = null)
    {
        if (!TryGet(obj, name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Object)
        {
            return v;
        }

        Fail($"'{path ?? name}' must be an object, found {Describe(v)}");
        return null;
    }

    /// <summary>An array's items; a single value is a one-item list (JSON-LD allows both).</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var v))
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return [v];
        }

        var list = new List<JsonElement>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>An array whose items must be objects; a single object is accepted as one item.</summary>
    public IReadOnlyList<JsonElement> Objects(JsonElement obj, string name, string? path = null)
    {
        var items = Items(obj, name);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Fail($"'{path ?? name}' must hold objects, found {Describe(item)}");
                return [];
            }
        }

        return items;
    }

    /// <summary>Text or a list of texts.</summary>
    public IReadOnlyList<string> Texts(JsonElement obj, string name, string? path = null)
    {
        var items = Items(obj, name);
        if (items.Count == 0)
        {
            return [];
        }

        var list = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Fail($"'{path ?? name}' must be text or a list of texts, found {Describe(item)}");
                return [];
            }

            list.Add(item.GetString()!);
        }

        return list;
    }

    public static string Describe(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => $"the number {Clip(v.GetRawText(), 40)}",
        JsonValueKind.String => $"the text \"{Clip(v.GetString() ?? "", 40)}\"",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => v.ValueKind.ToString(),
    };

    /// <summary>"malformed JSON (line N): reason", with the line counted in the whole file.</summary>
    public static string ParseError(JsonException ex, long firstLine)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            message = message[..cut];
        }

        var line = firstLine + (ex.LineNumber ?? 0);
        return $"malformed JSON (line {line.ToString(CultureInfo.InvariantCulture)}): {message.TrimEnd('.', ' ')}";
    }

    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
