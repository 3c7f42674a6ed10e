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

    /// <summary>The ESCO concept URI (http://data.europa.eu/esco/skill/...) when the shipped ESCO files carry one for <see cref="EscoLabel"/>.</summary>
    public string? EscoUri { get; init; }

    /// <summary>The O*NET commodity code (UNSPSC, 8 digits) of <see cref="OnetExample"/>.</summary>
    public string? OnetCode { get; init; }

    /// <summary>O*NET flags <see cref="OnetExample"/> as a hot technology for at least one occupation.</summary>
    public bool OnetHot { get; init; }

    /// <summary>O*NET flags <see cref="OnetExample"/> as in demand for at least one occupation.</summary>
    public bool OnetInDemand { get; init; }
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

    /// <summary>Industry and specialist software mined from O*NET (CAD, clinical, legal, design tools ...).</summary>
    public const string DomainSoftware = "domain-software";

    /// <summary>Professional knowledge and practices mined from ESCO (risk management, contract law, patient care ...).</summary>
    public const string ProfessionalSkill = "professional-skill";

    public static IReadOnlyList<string> All { get; } =
    [
        ProgrammingLanguage, LibraryFramework, MlMethod, LlmGenAi, MlOps, CloudPlatform, Database, DataEngineering,
        VisualizationBi, SoftwareEngineering, MathStatistics, BusinessSoftware, HumanLanguage, SoftSkill, Certification,
        DomainSoftware, ProfessionalSkill,
    ];
}

/// <summary>One occurrence of a skill in a text.</summary>
/// <param name="SkillId">The skill's id.</param>
/// <param name="Start">Index of the first character of the match.</param>
/// <param name="End">Index just past the last character (half-open span [Start, End)).</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Strength"><see cref="SkillStrengths.Required"/> or <see cref="SkillStrengths.Preferred"/>.</param>
public readonly record struct SkillMention(string SkillId, int Start, int End, string Surface, string Strength)
{
    /// <summary>The part of the posting the mention stands in (<see cref="SkillSections"/>); <see cref="SkillSections.Job"/> when the text has no headings.</summary>
    public string Section { get; init; } = SkillSections.Job;

    /// <summary>
    /// Why the mention never counts whatever the section: <see cref="SkillExclusions.EmployerName"/> (the employer's own
    /// name), <see cref="SkillExclusions.Hashtag"/> ("#BI-Remote") or <see cref="SkillExclusions.PersonalTrait"/>
    /// ("curious", "self-starter", "growth mindset"); null for an ordinary mention.
    /// </summary>
    public string? Exclusion { get; init; }

    /// <summary>
    /// Whether the mention counts as a skill the posting asks for: it stands in one of the job's own parts
    /// (requirements, responsibilities, preferred, or text under no heading) and is not excluded. Mentions in the
    /// company description, benefits, legal (EEO) text or application instructions are context mentions.
    /// </summary>
    public bool Counts => Exclusion is null && SkillSections.IsJobPart(Section);
}

/// <summary>Parts of a posting (<see cref="SkillMention.Section"/>).</summary>
public static class SkillSections
{
    /// <summary>Text under no recognised heading (a posting without headings is all "job").</summary>
    public const string Job = "job";
    public const string Requirement = "requirement";
    public const string Responsibility = "responsibility";
    public const string Preferred = "preferred";
    public const string CompanyDescription = "company-description";
    public const string Benefits = "benefits";
    public const string Legal = "legal";
    public const string Application = "application";

    public static IReadOnlyList<string> All { get; } = [Job, Requirement, Responsibility, Preferred, CompanyDescription, Benefits, Legal, Application];

    /// <summary>The job's own parts, whose mentions count as the posting's skills.</summary>
    public static bool IsJobPart(string? section) => section is null or Job or Requirement or Responsibility or Preferred;
}

/// <summary>Reasons a mention never counts (<see cref="SkillMention.Exclusion"/>).</summary>
public static class SkillExclusions
{
    public const string EmployerName = "employer-name";
    public const string Hashtag = "hashtag";

    /// <summary>
    /// A personality trait rather than a skill (docs/accuracy.md, labelling rule 2: "passionate", "curious"): kept as a
    /// context mention (<c>--include-context</c>), never counted as a skill the posting asks for.
    /// </summary>
    public const string PersonalTrait = "personal-trait";

    /// <summary>The shipped soft skills that are personality traits (<see cref="PersonalTrait"/>).</summary>
    public static IReadOnlySet<string> PersonalTraits { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "curiosity", "self-motivation", "work-ethic", "learning-agility", "independence", "accountability", "adaptability",
        "entrepreneurship",
    };
}
