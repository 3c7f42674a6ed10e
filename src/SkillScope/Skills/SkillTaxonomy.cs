using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace SkillScope.Skills;

/// <summary>
/// The skill taxonomy: the one shipped in data/taxonomy/skills.json, optionally merged with a user file of the
/// same format (an entry with an existing id replaces that entry whole; a new id is added).
/// </summary>
public sealed class SkillTaxonomy
{
    private const string ResourceName = "SkillScope.taxonomy.skills.json";
    private static readonly Lazy<SkillTaxonomy> s_default = new(LoadShipped);

    private readonly Dictionary<string, Skill> _byId;
    private readonly Dictionary<string, Skill> _bySurface;

    private SkillTaxonomy(IReadOnlyList<Skill> skills, string version)
    {
        Skills = skills;
        Version = version;
        _byId = new Dictionary<string, Skill>(skills.Count, StringComparer.Ordinal);
        _bySurface = new Dictionary<string, Skill>(skills.Count * 4, StringComparer.OrdinalIgnoreCase);
        foreach (var skill in skills)
        {
            _byId[skill.Id] = skill;
        }

        // Names first, so that a name is never shadowed by another skill's alias.
        foreach (var skill in skills)
        {
            _bySurface.TryAdd(skill.Name, skill);
        }

        foreach (var skill in skills)
        {
            foreach (var alias in skill.Aliases)
            {
                _bySurface.TryAdd(alias, skill);
            }
        }
    }

    /// <summary>The shipped taxonomy.</summary>
    public static SkillTaxonomy Default => s_default.Value;

    /// <summary>All skills, in file order (shipped entries first, then entries a user file adds).</summary>
    public IReadOnlyList<Skill> Skills { get; }

    /// <summary>
    /// The shipped taxonomy version, with "+user.HASH" (a hash of the user file's content) when a user file is merged,
    /// so stored extractions can tell they were made with another taxonomy.
    /// </summary>
    public string Version { get; }

    /// <summary>The shipped taxonomy merged with <paramref name="userFile"/> (when not null).</summary>
    /// <exception cref="InvalidDataException">The user file is unreadable or invalid; the message lists every problem.</exception>
    public static SkillTaxonomy Load(string? userFile)
    {
        if (TryLoad(userFile, out var taxonomy, out var errors))
        {
            return taxonomy;
        }

        throw new InvalidDataException($"Invalid skill taxonomy {userFile}:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
    }

    /// <summary>Like <see cref="Load"/>, reporting problems of the user file as values.</summary>
    public static bool TryLoad(string? userFile, [NotNullWhen(true)] out SkillTaxonomy? taxonomy, out IReadOnlyList<string> errors)
    {
        taxonomy = null;
        if (userFile is null)
        {
            taxonomy = Default;
            errors = [];
            return true;
        }

        string json;
        try
        {
            json = File.ReadAllText(userFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors = [e.Message];
            return false;
        }

        return TryMerge(Default, json, out taxonomy, out errors);
    }

    /// <summary>The skill with this id, or null.</summary>
    public Skill? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The skill whose name or alias is <paramref name="nameOrAlias"/> (ignoring case), or null.</summary>
    public Skill? Resolve(string nameOrAlias) => _byId.GetValueOrDefault(nameOrAlias) ?? _bySurface.GetValueOrDefault(nameOrAlias.Trim());

    internal static bool TryMerge(SkillTaxonomy baseTaxonomy, string userJson, [NotNullWhen(true)] out SkillTaxonomy? taxonomy, out IReadOnlyList<string> errors)
    {
        taxonomy = null;
        var problems = new List<string>();
        var user = Parse(userJson, problems, out _);

        var merged = new List<Skill>(baseTaxonomy.Skills);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            index[merged[i].Id] = i;
        }

        foreach (var skill in user)
        {
            if (index.TryGetValue(skill.Id, out var at))
            {
                merged[at] = skill;
            }
            else
            {
                index[skill.Id] = merged.Count;
                merged.Add(skill);
            }
        }

        CheckHierarchy(merged, problems);
        if (problems.Count > 0)
        {
            errors = problems;
            return false;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userJson)))[..8];
        taxonomy = new SkillTaxonomy(merged, $"{baseTaxonomy.Version}+user.{hash}");
        errors = [];
        return true;
    }

    internal static SkillTaxonomy FromJson(string json)
    {
        var problems = new List<string>();
        var skills = Parse(json, problems, out var version);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            if (!ids.Add(skill.Id))
            {
                problems.Add($"duplicate id '{skill.Id}'");
            }
        }

        CheckHierarchy(skills, problems);
        return problems.Count == 0
            ? new SkillTaxonomy(skills, version ?? "unversioned")
            : throw new InvalidDataException("Invalid skill taxonomy: " + string.Join("; ", problems));
    }

    private static SkillTaxonomy LoadShipped()
    {
        using var stream = typeof(SkillTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private static List<Skill> Parse(string json, List<string> problems, out string? version)
    {
        version = null;
        var skills = new List<Skill>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            problems.Add($"not valid JSON: {e.Message}");
            return skills;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement array;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("skills", out array) && array.ValueKind == JsonValueKind.Array)
            {
                version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            }
            else
            {
                problems.Add("expected an object with a \"skills\" array");
                return skills;
            }

            var position = 0;
            foreach (var element in array.EnumerateArray())
            {
                var skill = ParseSkill(element, $"skills[{position.ToString(CultureInfo.InvariantCulture)}]", problems);
                if (skill is not null)
                {
                    skills.Add(skill);
                }

                position++;
            }
        }

        return skills;
    }

    private static Skill? ParseSkill(JsonElement element, string where, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: expected an object");
            return null;
        }

        var before = problems.Count;
        var id = Text(element, "id");
        if (id is null || !IsSlug(id))
        {
            problems.Add($"{where}: \"id\" must be a lowercase slug such as \"aws-sagemaker\"");
        }
        else
        {
            where = $"{where} ({id})";
        }

        var name = Text(element, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{where}: \"name\" is required");
        }

        var category = Text(element, "category");
        if (category is null || !IsSlug(category))
        {
            problems.Add($"{where}: \"category\" must be a lowercase slug such as \"{SkillCategories.LibraryFramework}\"");
        }

        var type = Text(element, "type") ?? SkillTypes.Hard;
        if (!SkillTypes.All.Contains(type, StringComparer.Ordinal))
        {
            problems.Add($"{where}: \"type\" must be one of {string.Join(", ", SkillTypes.All)}");
        }

        var parent = Text(element, "parent");
        var aliases = Strings(element, "aliases", where, problems);
        var caseSensitive = Strings(element, "caseSensitive", where, problems);
        var contextual = Strings(element, "contextual", where, problems);
        var notBefore = Strings(element, "notBefore", where, problems);
        foreach (var form in caseSensitive.Concat(contextual))
        {
            if (!string.Equals(form, name, StringComparison.Ordinal) && !aliases.Contains(form, StringComparer.Ordinal))
            {
                problems.Add($"{where}: '{form}' is marked caseSensitive/contextual but is neither the name nor an alias");
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Skill(id!, name!.Trim(), aliases, category!, type, string.IsNullOrEmpty(parent) ? null : parent, Text(element, "esco"), Text(element, "onet"))
        {
            CaseSensitive = caseSensitive,
            Contextual = contextual,
            NotBefore = notBefore,
            EscoUri = Text(element, "escoUri"),
            OnetCode = Text(element, "onetCode"),
            OnetHot = Flag(element, "onetHot"),
            OnetInDemand = Flag(element, "onetInDemand"),
        };
    }

    private static void CheckHierarchy(List<Skill> skills, List<string> problems)
    {
        var byId = new Dictionary<string, Skill>(StringComparer.Ordinal);
        foreach (var skill in skills)
        {
            byId[skill.Id] = skill;
        }

        foreach (var skill in skills)
        {
            if (skill.Parent is null)
            {
                continue;
            }

            if (!byId.ContainsKey(skill.Parent))
            {
                problems.Add($"{skill.Id}: parent '{skill.Parent}' does not exist");
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { skill.Id };
            for (var p = skill.Parent; p is not null && byId.TryGetValue(p, out var up); p = up.Parent)
            {
                if (!seen.Add(p))
                {
                    problems.Add($"{skill.Id}: parent chain loops through '{p}'");
                    break;
                }
            }
        }
    }

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement element, string property, string where, List<string> problems)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
        {
            problems.Add($"{where}: \"{property}\" must be an array of non-empty strings");
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!.Trim())];
    }

    private static bool IsSlug(string s)
    {
        if (s.Length == 0 || s[0] == '-' || s[^1] == '-' || s.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
