using System.Globalization;
using System.Text;
using System.Text.Json;
using SkillScope.Normalize;

namespace SkillScope.Career;

/// <summary>
/// Reads a JSON Resume (jsonresume.org schema: basics, work, education, skills, certificates, projects). A field of the
/// wrong type is left out with a warning naming its path; nothing is guessed in its place.
/// </summary>
internal static class JsonResumeReader
{
    private static readonly string[] KnownSections = ["basics", "work", "education", "skills", "certificates", "projects", "volunteer", "awards", "publications"];

    public static (ResumeDocument? Document, string? Error) Read(string json)
    {
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message.Split('\n')[0].TrimEnd('.')})");
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"not a JSON Resume: the top level is {Describe(root)}, expected an object with basics, work, education, skills");
            }

            if (!KnownSections.Any(s => root.TryGetProperty(s, out _)))
            {
                return (null, "JSON but not a JSON Resume (none of basics, work, education, skills, certificates, projects is present; see jsonresume.org/schema)");
            }

            return (Build(root), null);
        }
    }

    private static ResumeDocument Build(JsonElement root)
    {
        var warnings = new List<string>();
        var text = new StringBuilder();
        var work = new List<StructuredPosition>();
        var bullets = new List<string>();
        var education = new List<string>();
        string? country = null, summary = null;

        if (Object(root, "basics", "basics", warnings) is { } basics)
        {
            Line(text, Str(basics, "name", "basics.name", warnings));
            Line(text, Str(basics, "label", "basics.label", warnings));
            summary = Str(basics, "summary", "basics.summary", warnings);
            Line(text, summary);
            if (Object(basics, "location", "basics.location", warnings) is { } location)
            {
                var code = Str(location, "countryCode", "basics.location.countryCode", warnings);
                country = code is { Length: 2 } && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : LocationNormalizer.CountryCode(code);
            }
        }

        text.Append('\n');
        foreach (var (job, path) in Objects(root, "work", warnings))
        {
            var title = Str(job, "position", path + ".position", warnings);
            var organization = Str(job, "name", path + ".name", warnings) ?? Str(job, "company", path + ".company", warnings);
            var (start, end, current) = Dates(job, path, warnings);
            work.Add(new StructuredPosition(title, organization, start, end, current));
            Line(text, string.Join(" | ", new[] { title, organization }.Where(s => s is not null)));
            Line(text, Str(job, "summary", path + ".summary", warnings));
            foreach (var highlight in Strings(job, "highlights", path + ".highlights", warnings))
            {
                bullets.Add(highlight);
                Line(text, "\u2022 " + highlight);
            }

            text.Append('\n');
        }

        foreach (var (school, path) in Objects(root, "education", warnings))
        {
            var entry = string.Join(" ", new[]
            {
                Str(school, "studyType", path + ".studyType", warnings), Str(school, "area", path + ".area", warnings),
                Str(school, "institution", path + ".institution", warnings),
            }.Where(s => s is not null));
            education.Add(entry);
            Line(text, entry);
        }

        foreach (var (skill, path) in Objects(root, "skills", warnings))
        {
            var keywords = Strings(skill, "keywords", path + ".keywords", warnings);
            Line(text, Str(skill, "name", path + ".name", warnings) + (keywords.Count > 0 ? ": " + string.Join(", ", keywords) : ""));
        }

        foreach (var (certificate, path) in Objects(root, "certificates", warnings))
        {
            Line(text, Str(certificate, "name", path + ".name", warnings));
        }

        foreach (var (project, path) in Objects(root, "projects", warnings))
        {
            Line(text, Str(project, "name", path + ".name", warnings));
            Line(text, Str(project, "description", path + ".description", warnings));
            foreach (var highlight in Strings(project, "highlights", path + ".highlights", warnings))
            {
                bullets.Add(highlight);
                Line(text, "\u2022 " + highlight);
            }

            var keywords = Strings(project, "keywords", path + ".keywords", warnings);
            Line(text, keywords.Count > 0 ? string.Join(", ", keywords) : null);
        }

        return new ResumeDocument(ResumeFormats.JsonResume, text.ToString())
        {
            Structured = new StructuredResume(work, bullets, education, country, summary),
            Warnings = warnings,
        };
    }

    private static ((int, int?)? Start, (int, int?)? End, bool Current) Dates(JsonElement job, string path, List<string> warnings)
    {
        var startText = Str(job, "startDate", path + ".startDate", warnings);
        var endText = Str(job, "endDate", path + ".endDate", warnings);
        if (startText is null)
        {
            return (null, null, false); // no start (or one of the wrong type, already warned): the position adds no time
        }

        var start = DateRanges.ParseIso(startText);
        if (start is null)
        {
            warnings.Add($"{path}.startDate '{startText}' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY; this position's dates are not counted");
            return (null, null, false);
        }

        var endGiven = job.TryGetProperty("endDate", out var endElement) && endElement.ValueKind != JsonValueKind.Null;
        if (endGiven && endText is null)
        {
            return (null, null, false); // wrong type, already warned
        }

        if (!endGiven || string.IsNullOrWhiteSpace(endText) || endText.Trim().ToUpperInvariant() is "PRESENT" or "CURRENT" or "NOW")
        {
            return (start, null, true);
        }

        var end = DateRanges.ParseIso(endText);
        if (end is null)
        {
            warnings.Add($"{path}.endDate '{endText}' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY; this position's dates are not counted");
            return (null, null, false);
        }

        return (start, end, false);
    }

    private static void Line(StringBuilder text, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            text.Append(line.Trim()).Append('\n');
        }
    }

    private static JsonElement? Object(JsonElement parent, string name, string path, List<string> warnings)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"{path}: expected an object, found {Describe(value)}; ignored");
            return null;
        }

        return value;
    }

    private static IEnumerable<(JsonElement Item, string Path)> Objects(JsonElement parent, string name, List<string> warnings)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            warnings.Add($"{name}: expected an array, found {Describe(value)}; ignored");
            yield break;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{name}[{i++}]");
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, path);
            }
            else
            {
                warnings.Add($"{path}: expected an object, found {Describe(item)}; ignored");
            }
        }
    }

    private static string? Str(JsonElement parent, string name, string path, List<string> warnings)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            warnings.Add($"{path}: expected text, found {Describe(value)}; ignored");
            return null;
        }

        var s = value.GetString();
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }

    private static List<string> Strings(JsonElement parent, string name, string path, List<string> warnings)
    {
        var list = new List<string>();
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            warnings.Add($"{path}: expected an array of text, found {Describe(value)}; ignored");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                if (!string.IsNullOrWhiteSpace(item.GetString()))
                {
                    list.Add(item.GetString()!.Trim());
                }
            }
            else
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]: expected text, found {Describe(item)}; ignored"));
            }

            i++;
        }

        return list;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => $"a number ({value.GetRawText()})",
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({value.GetRawText()})",
        _ => "null",
    };
}
