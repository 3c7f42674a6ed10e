namespace SkillScope.Ingest.Web;

/// <summary>
/// JSON-LD terms SkillScope adds to the JobPosting it exports for what schema.org has no place for
/// (hybrid/onsite, seniority, ...). They are absolute IRIs, so the document keeps the plain
/// "https://schema.org" context and stays valid JSON-LD; other consumers ignore them.
/// </summary>
internal static class SkillScopeTerms
{
    public const string Namespace = "https://github.com/skillscope/skillscope#";
    public const string Kind = Namespace + "kind";
    public const string Role = Namespace + "role";
    public const string Seniority = Namespace + "seniority";
    public const string WorkArrangement = Namespace + "workArrangement";
    public const string CompanySize = Namespace + "companySize";
    /// <summary>The location as the source stated it; jobLocation carries the normalized parts.</summary>
    public const string LocationText = Namespace + "locationText";
    public const string WorkYear = Namespace + "workYear";
    public const string SalaryIsEstimate = Namespace + "salaryIsEstimate";
    public const string SalaryUsdStated = Namespace + "salaryUsdStated";
    public const string AnnualUsd = Namespace + "annualUsd";
}
