namespace SkillScope.Skills;

/// <summary>One skill of the taxonomy.</summary>
/// <param name="Id">Stable lowercase slug ("pytorch", "aws-sagemaker"); part of the public contract.</param>
/// <param name="Name">Canonical display name.</param>
/// <param name="Aliases">Other surface forms (the name itself is always matched too).</param>
/// <param name="Category">Category slug, see <see cref="SkillCategories"/>.</param>
/// <param name="Type">"hard", "soft" or "certification", see <see cref="SkillTypes"/>.</param>
/// <param name="Parent">The broader skill learned first (LoRA -> fine-tuning -> LLMs), or null for a root.</param>
/// <param name="EscoLabel">The ESCO v1.1.1 skill label it corresponds to, when one exists.</param>
/// <param name="OnetExample">The O*NET technology-skill example it corresponds to, when one exists.</param>
public sealed record Skill(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Category,
    string Type,
    string? Parent,
    string? EscoLabel,
    string? OnetExample)
{
    /// <summary>Surface forms (among the name and aliases) matched only with exactly this letter case: "R", "Go", "SAS".</summary>
    public IReadOnlyList<string> CaseSensitive { get; init; } = [];

    /// <summary>
    /// Surface forms (among the name and aliases) that are also ordinary words or names ("Go", "Julia", "spark"):
    /// counted only near another hard skill or a technical cue word.
    /// </summary>
    public IReadOnlyList<string> Contextual { get; init; } = [];

    /// <summary>Words that, right after a one-word mention, show it is not this skill ("excel at", "spark interest").</summary>
    public IReadOnlyList<string> NotBefore { get; init; } = [];
}

/// <summary>Whether a mention is a requirement or a nice-to-have.</summary>
public static class SkillStrengths
{
    public const string Required = "required";
    public const string Preferred = "preferred";
}

/// <summary>Skill types.</summary>
public static class SkillTypes
{
    public const string Hard = "hard";
    public const string Soft = "soft";
    public const string Certification = "certification";

    public static IReadOnlyList<string> All { get; } = [Hard, Soft, Certification];
}

/// <summary>Category slugs of the shipped taxonomy (a user file may add its own slugs).</summary>
public static class SkillCategories
{
    public const string ProgrammingLanguage = "programming-language";
    public const string LibraryFramework = "library-framework";
    public const string MlMethod = "ml-method";
    public const string LlmGenAi = "llm-genai";
    public const string MlOps = "mlops";
    public const string CloudPlatform = "cloud-platform";
    public const string Database = "database";
    public const string DataEngineering = "data-engineering";
    public const string VisualizationBi = "visualization-bi";
    public const string SoftwareEngineering = "software-engineering";
    public const string MathStatistics = "math-statistics";
    public const string BusinessSoftware = "business-software";
    public const string HumanLanguage = "human-language";
    public const string SoftSkill = "soft-skill";
    public const string Certification = "certification";

    public static IReadOnlyList<string> All { get; } =
    [
        ProgrammingLanguage, LibraryFramework, MlMethod, LlmGenAi, MlOps, CloudPlatform, Database, DataEngineering,
        VisualizationBi, SoftwareEngineering, MathStatistics, BusinessSoftware, HumanLanguage, SoftSkill, Certification,
    ];
}

/// <summary>One occurrence of a skill in a text.</summary>
/// <param name="SkillId">The skill's id.</param>
/// <param name="Start">Index of the first character of the match.</param>
/// <param name="End">Index just past the last character (half-open span [Start, End)).</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Strength"><see cref="SkillStrengths.Required"/> or <see cref="SkillStrengths.Preferred"/>.</param>
public readonly record struct SkillMention(string SkillId, int Start, int End, string Surface, string Strength);
