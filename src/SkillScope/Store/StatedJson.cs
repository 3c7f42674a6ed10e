using System.Text.Json;

namespace SkillScope.Store;

/// <summary>
/// What a source states beyond the normalized fields, as stored: the skills it lists (a JSON array of strings, in
/// <c>records.stated_skills</c>) and the columns no field was read from (a JSON object, column -> value, in
/// <c>record_sources.extra</c>; a repeated column name gets " (2)", " (3)", ...).
/// </summary>
internal static class StatedJson
{
    // Stored as written: Cyrillic, accents and "<" stay readable rather than \u-escaped.
    private static readonly StatedJsonContext Context = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string? Skills(IReadOnlyList<string>? skills) =>
        skills is { Count: > 0 } ? JsonSerializer.Serialize(skills, Context.IReadOnlyListString) : null;

    public static string? Extra(IReadOnlyList<KeyValuePair<string, string>>? extra)
    {
        if (extra is not { Count: > 0 })
        {
            return null;
        }

        if (!HasRepeatedName(extra))
        {
            // The common case (every column named once): written straight, the same bytes the serializer writes for the
            // dictionary below, without building it (this ran once per stored row).
            var buffer = t_extra ??= new System.Buffers.ArrayBufferWriter<byte>(256);
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Context.Options.Encoder }))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in extra)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        var named = new Dictionary<string, string>(extra.Count, StringComparer.Ordinal);
        foreach (var (name, value) in extra)
        {
            var key = name;
            for (var n = 2; named.ContainsKey(key); n++)
            {
                key = $"{name} ({n})";
            }

            named.Add(key, value);
        }

        return JsonSerializer.Serialize(named, Context.DictionaryStringString);
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_extra;

    private static bool HasRepeatedName(IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        for (var i = 1; i < extra.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(extra[i].Key, extra[j].Key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Counts by name (an ingest run's ignored rows by reason) as a JSON object in the given order, or null when empty.</summary>
    public static string? Counts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var named = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in counts)
        {
            named[name] = value;
        }

        return named.Count == 0 ? null : JsonSerializer.Serialize(named, Context.DictionaryStringInt64);
    }

    public static IReadOnlyDictionary<string, long>? ParseCounts(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, Context.DictionaryStringInt64);

    public static IReadOnlyList<string>? ParseSkills(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, Context.IReadOnlyListString);

    public static IReadOnlyList<KeyValuePair<string, string>>? ParseExtra(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? ""))];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class StatedJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
