using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SkillScope.Web.Tests.Support;

/// <summary>Small helpers for query strings and JSON figures.</summary>
internal static class Query
{
    /// <summary>The query with each of <paramref name="values"/> set (replacing what the query had for that name).</summary>
    public static string With(string query, params (string Name, string Value)[] values)
    {
        var parsed = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        var pairs = parsed.SelectMany(p => p.Value.Select(v => (p.Key, Value: v ?? "")))
            .Where(p => !values.Any(v => v.Name == p.Key))
            .Concat(values.Select(v => (Key: v.Name, v.Value)));
        return string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
    }

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>A count as the dashboard prints it ("12,345") read back as a number.</summary>
    public static long ParseShown(string? text) =>
        long.Parse((text ?? "").Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>JSON with insignificant whitespace removed, for comparing two serializations of the same value.</summary>
    public static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
