using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SkillScope.Web.Infrastructure;

/// <summary>A query parameter that cannot be used: a value, turned into a 400 problem that names the parameter.</summary>
internal sealed record BadParameter(string Parameter, string Message)
{
    public const string Title = "Invalid query parameter";

    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: Title, detail: Message,
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameter"] = Parameter });
}

/// <summary>Reading query values the way the CLI reads its options.</summary>
internal static class QueryValues
{
    /// <summary>Several values of one parameter, repeated or comma-separated, trimmed, without repeats.</summary>
    public static string[] List(string[]? values) =>
        (values ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Free-text values (company, metro names may hold commas): only repeated, trimmed, without repeats.</summary>
    public static string[] Repeated(string[]? values) =>
        (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when absent.</summary>
    public static bool TryInt(string? text, string parameter, int min, int max, int fallback, out int value, [NotNullWhen(false)] out BadParameter? bad)
    {
        (value, bad) = (fallback, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        bad = new BadParameter(parameter, $"{parameter} '{text}' must be a whole number from {min} to {max}");
        return false;
    }

    /// <summary>One of <paramref name="allowed"/> (exact, lower case), or null when absent.</summary>
    public static bool TryChoice(string? text, string parameter, IReadOnlyList<string> allowed, out string? value, [NotNullWhen(false)] out BadParameter? bad)
    {
        (value, bad) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        value = text.Trim();
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return true;
        }

        bad = new BadParameter(parameter, $"{parameter} '{text}' is not known; use one of: {string.Join(", ", allowed)}");
        return false;
    }
}
