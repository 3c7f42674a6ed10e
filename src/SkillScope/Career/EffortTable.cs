using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>A learning resource the effort table names for a skill: a title and, where the table gives one, its address.</summary>
public sealed record LearningResource(string Title, string? Url);

/// <summary>
/// How long learning one skill takes, in weeks of study at <see cref="EffortTable.HoursPerWeek"/> hours a week, and where
/// the figure comes from.
/// </summary>
/// <param name="Weeks">Weeks of study.</param>
/// <param name="Basis">"table" (a row for the skill), "default" (the row for the skill's kind: no row of its own) or "override" (the user's file).</param>
/// <param name="Key">The row used: the skill id, or "kind:CATEGORY".</param>
/// <param name="Source">The row's source or reasoning.</param>
/// <param name="Origin">The file and line of the row ("effort.csv:12").</param>
public sealed record SkillEffort(double Weeks, string Basis, string Key, string Source, string Origin, IReadOnlyList<LearningResource> Resources);

/// <summary>One row of an effort file.</summary>
public sealed record EffortRow(string Key, double Weeks, string Source, IReadOnlyList<LearningResource> Resources, string Origin);

/// <summary>
/// The per-skill effort table shipped with the taxonomy (data/taxonomy/effort.csv: editorial, each figure with its
/// source or reasoning), optionally overridden by a user file in the same format (`gap --effort FILE`). A skill without
/// a row of its own takes the row of its kind ("kind:library-framework"), shown as a default. See docs/resume-score.md,
/// "Effort in weeks".
/// </summary>
public sealed class EffortTable
{
    private const string ResourceName = "SkillScope.taxonomy.effort.csv";

    /// <summary>The pace the weeks assume: part-time study beside a job.</summary>
    public const int HoursPerWeek = 10;

    /// <summary>Largest figure a row may give: two years of study is a degree, not a step of a roadmap.</summary>
    public const double MaxWeeks = 104;

    /// <summary>Prefix of a row that gives the default for every skill of a category.</summary>
    public const string KindPrefix = "kind:";

    /// <summary>Key of the row used when a skill's kind has no row either.</summary>
    public const string AnyKind = "kind:*";

    public const string ShippedName = "effort.csv";

    /// <summary>Largest effort file read (characters): a table of every skill of the taxonomy is well under it.</summary>
    public const int MaxFileChars = 1024 * 1024;

    private static readonly Lazy<EffortTable> s_shipped = new(LoadShipped);

    private readonly Dictionary<string, EffortRow> _rows;
    private readonly HashSet<string> _overridden;

    private EffortTable(Dictionary<string, EffortRow> rows, HashSet<string> overridden, string? overrideFile)
    {
        _rows = rows;
        _overridden = overridden;
        OverrideFile = overrideFile;
    }

    /// <summary>The table shipped in data/taxonomy/effort.csv.</summary>
    public static EffortTable Shipped => s_shipped.Value;

    /// <summary>The name of the user's file merged over the shipped table, or null.</summary>
    public string? OverrideFile { get; }

    public IReadOnlyCollection<EffortRow> Rows => _rows.Values;

    /// <summary>The effort of a skill: its own row, else its kind's row, else the row for any kind.</summary>
    public SkillEffort For(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (_rows.TryGetValue(skill.Id, out var own))
        {
            return Effort(own, _overridden.Contains(own.Key) ? "override" : "table");
        }

        var kind = _rows.GetValueOrDefault(KindPrefix + skill.Category) ?? _rows[AnyKind];
        return Effort(kind, "default");
    }

    private static SkillEffort Effort(EffortRow row, string basis) => new(row.Weeks, basis, row.Key, row.Source, row.Origin, row.Resources);

    /// <summary>The shipped table with <paramref name="overrideFile"/> merged over it (its rows replace the shipped rows of the same key).</summary>
    /// <returns>The table, or null with a one-line <paramref name="error"/> naming the file and line.</returns>
    public static EffortTable? Load(string? overrideFile, SkillTaxonomy taxonomy, out string? error)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        error = null;
        if (overrideFile is null)
        {
            return Shipped;
        }

        string text;
        try
        {
            if (Directory.Exists(overrideFile))
            {
                error = $"effort file {overrideFile}: is a folder, not a CSV file";
                return null;
            }

            if (new FileInfo(overrideFile).Length > MaxFileChars * 4L)
            {
                error = $"effort file {overrideFile}: is {new FileInfo(overrideFile).Length / 1024:N0} KB; an effort table is a few hundred rows (limit {MaxFileChars / 1024} KB)";
                return null;
            }

            text = File.ReadAllText(overrideFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"effort file {overrideFile}: cannot be read ({e.Message})";
            return null;
        }

        return FromText(text, overrideFile, taxonomy, out error);
    }

    /// <summary>The shipped table with the rows of <paramref name="text"/> (an effort CSV named <paramref name="name"/>) merged over it.</summary>
    /// <returns>The table, or null with a one-line <paramref name="error"/> ("effort file NAME: line 4: ...").</returns>
    public static EffortTable? FromText(string text, string name, SkillTaxonomy taxonomy, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(taxonomy);
        error = null;
        if (text.Length > MaxFileChars)
        {
            error = $"effort file {name}: is {text.Length / 1024:N0} KB; an effort table is a few hundred rows (limit {MaxFileChars / 1024} KB)";
            return null;
        }

        var rows = Parse(text, Path.GetFileName(name), taxonomy, out var problem);
        if (rows is null)
        {
            error = $"effort file {name}: {problem}";
            return null;
        }

        if (rows.Count == 0)
        {
            error = $"effort file {name}: has no rows (header skill,weeks,source[,resources], then one row per skill or kind:CATEGORY)";
            return null;
        }

        var merged = new Dictionary<string, EffortRow>(Shipped._rows, StringComparer.Ordinal);
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            merged[row.Key] = row;
            overridden.Add(row.Key);
        }

        return new EffortTable(merged, overridden, Path.GetFileName(name));
    }

    /// <summary>Parses an effort CSV; null with the first problem ("line 4: ...") when it is not valid.</summary>
    public static List<EffortRow>? Parse(string text, string fileName, SkillTaxonomy taxonomy, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(taxonomy);
        problem = null;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            problem = "looks binary, not a CSV file (header skill,weeks,source[,resources])";
            return null;
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, IgnoreBlankLines = true, TrimOptions = TrimOptions.Trim,
            AllowComments = true, Comment = '#', DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            problem = "is empty (expected the header skill,weeks,source[,resources])";
            return null;
        }

        string[] expected = ["skill", "weeks", "source"];
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.Count < 3 || !names.Take(3).SequenceEqual(expected) || names.Count > 4 || (names.Count == 4 && names[3] != "resources"))
        {
            problem = $"the header must be skill,weeks,source[,resources] (found {string.Join(",", header)})";
            return null;
        }

        var rows = new List<EffortRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = SkillCategories.All.ToHashSet(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var where = $"line {line.ToString(CultureInfo.InvariantCulture)}";
            var fields = csv.Parser.Record ?? [];
            if (fields.Length > names.Count)
            {
                problem = $"{where}: {fields.Length} fields, the header has {names.Count} (quote a source that holds commas)";
                return null;
            }

            var key = Field(fields, 0);
            var weeksText = Field(fields, 1);
            var source = Field(fields, 2);
            if (key.Length == 0)
            {
                problem = $"{where}: no skill (a skill id such as pytorch, or kind:CATEGORY)";
                return null;
            }

            if (key.StartsWith(KindPrefix, StringComparison.Ordinal))
            {
                if (key != AnyKind && !categories.Contains(key[KindPrefix.Length..]))
                {
                    problem = $"{where}: '{key}' names no skill category (use one of kind:{string.Join(", kind:", SkillCategories.All)} or kind:*)";
                    return null;
                }
            }
            else
            {
                var skill = taxonomy.Find(key) ?? taxonomy.Resolve(key);
                if (skill is null)
                {
                    problem = $"{where}: '{key}' is not a skill of the taxonomy (see 'skillscope skills list')";
                    return null;
                }

                key = skill.Id;
            }

            if (!double.TryParse(weeksText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weeks) || weeks <= 0 || weeks > MaxWeeks)
            {
                problem = $"{where}: weeks '{weeksText}' for {key} is not a number of weeks above 0 and at most {MaxWeeks.ToString(CultureInfo.InvariantCulture)}";
                return null;
            }

            if (source.Length == 0)
            {
                problem = $"{where}: {key} has no source (every figure needs its source or reasoning)";
                return null;
            }

            if (seen.TryGetValue(key, out var first))
            {
                problem = $"{where}: {key} is listed twice (first on line {first.ToString(CultureInfo.InvariantCulture)})";
                return null;
            }

            seen[key] = line;
            var resources = Resources(Field(fields, 3), where, key, out var badResource);
            if (resources is null)
            {
                problem = badResource;
                return null;
            }

            rows.Add(new EffortRow(key, weeks, source, resources, $"{fileName}:{line.ToString(CultureInfo.InvariantCulture)}"));
        }

        return rows;
    }

    private static string Field(string[] fields, int index) => index < fields.Length ? fields[index].Trim() : "";

    /// <summary>"Title https://address; Title" -> resources; an address must be an absolute http(s) URL.</summary>
    private static List<LearningResource>? Resources(string text, string where, string key, out string? problem)
    {
        problem = null;
        var list = new List<LearningResource>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var last = words[^1];
            string? url = null;
            var title = entry;
            if (LooksLikeAddress(last))
            {
                if (!Uri.TryCreate(last, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    problem = $"{where}: resource '{entry}' of {key}: '{last}' is not an http(s) address";
                    return null;
                }

                url = uri.AbsoluteUri;
                title = string.Join(' ', words[..^1]);
            }

            if (title.Length == 0)
            {
                problem = $"{where}: resource '{entry}' of {key} has no title (write 'Title https://address')";
                return null;
            }

            list.Add(new LearningResource(title, url));
        }

        return list;
    }

    // "https://...", "www....", or any "scheme:..." word (javascript:, data:, mailto:) is meant as an address and must be http(s).
    private static bool LooksLikeAddress(string word)
    {
        if (word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || word.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        var colon = word.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < word.Length - 1 && char.IsAsciiLetter(word[0]) && word[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '.' or '-');
    }

    private static EffortTable LoadShipped()
    {
        using var stream = typeof(EffortTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var rows = Parse(reader.ReadToEnd(), ShippedName, SkillTaxonomy.Default, out var problem)
            ?? throw new InvalidDataException($"data/taxonomy/{ShippedName}: {problem}");
        var table = rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        return table.ContainsKey(AnyKind)
            ? new EffortTable(table, new HashSet<string>(StringComparer.Ordinal), null)
            : throw new InvalidDataException($"data/taxonomy/{ShippedName}: has no {AnyKind} row");
    }
}
