namespace SkillScope.Model;

/// <summary>Kind of record: ids are part of the public contract (docs/domain.md).</summary>
public static class RecordKinds
{
    public const string Posting = "posting";
    public const string SalaryReport = "salary_report";
    public static readonly IReadOnlyList<string> All = [Posting, SalaryReport];
}

public static class Roles
{
    public const string MlEngineer = "ml_engineer";
    public const string DataScientist = "data_scientist";
    public const string MlopsEngineer = "mlops_engineer";
    public const string ResearchScientist = "research_scientist";
    public const string AiEngineer = "ai_engineer";
    public const string DataEngineer = "data_engineer";
    public const string DataAnalyst = "data_analyst";
    public const string AiProductManager = "ai_product_manager";
    public const string AiGovernance = "ai_governance";
    public const string Other = "other";
    public static readonly IReadOnlyList<string> All =
        [MlEngineer, DataScientist, MlopsEngineer, ResearchScientist, AiEngineer, DataEngineer, DataAnalyst, AiProductManager, AiGovernance, Other];
}

public static class Seniorities
{
    public const string Intern = "intern";
    public const string Junior = "junior";
    public const string Mid = "mid";
    public const string Senior = "senior";
    public const string Lead = "lead";
    public const string Executive = "executive";
    public const string Unknown = "unknown";
    /// <summary>Ordered from lowest to highest; Unknown last.</summary>
    public static readonly IReadOnlyList<string> All = [Intern, Junior, Mid, Senior, Lead, Executive, Unknown];
}

public static class EmploymentTypes
{
    public const string FullTime = "full_time";
    public const string PartTime = "part_time";
    public const string Contract = "contract";
    public const string Internship = "internship";
    public const string Temporary = "temporary";
    public const string Other = "other";
    public const string Unknown = "unknown";
    public static readonly IReadOnlyList<string> All = [FullTime, PartTime, Contract, Internship, Temporary, Other, Unknown];
}

public static class WorkArrangements
{
    public const string Remote = "remote";
    public const string Hybrid = "hybrid";
    public const string Onsite = "onsite";
    public const string Unknown = "unknown";
    public static readonly IReadOnlyList<string> All = [Remote, Hybrid, Onsite, Unknown];
}

public static class SalaryPeriods
{
    public const string Hour = "hour";
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";
    public const string Year = "year";
    public static readonly IReadOnlyList<string> All = [Hour, Day, Week, Month, Year];
}
