namespace SkillScope.Career;

/// <summary>A skill's salary premium from the salary model: exp(beta) - 1 with its 95% interval and the counts behind it.</summary>
public sealed record SkillPremiumInfo(double Premium, double Low, double High, long NWith, long NWithout);

/// <summary>A salary estimate in USD per year, with the number of records and the cells it rests on.</summary>
public sealed record SalaryFigure(double MedianUsd, double? P25Usd, double? P75Usd, long N, string Basis);

/// <summary>What to estimate: a role, level and place, and the skills the person has.</summary>
public sealed record SalaryQuery(string Role, string? Seniority, string? Country, IReadOnlyList<string> Skills);

/// <summary>
/// The salary side of the gap report, supplied from outside so this stage does not depend on how pay is modelled
/// (the salary estimator and skill-premium regression live in Analytics). Null means "not known": the report then
/// says so instead of showing a figure.
/// </summary>
public interface ISalaryInsight
{
    /// <summary>The skill's premium, or null when there are too few observations to estimate one.</summary>
    SkillPremiumInfo? Premium(string skillId);

    /// <summary>An estimate for the profile, or null when there are too few records.</summary>
    SalaryFigure? Estimate(SalaryQuery query);
}

/// <summary>No salary model: every premium and estimate is "not known".</summary>
public sealed class NoSalaryInsight : ISalaryInsight
{
    public static NoSalaryInsight Instance { get; } = new();

    private NoSalaryInsight()
    {
    }

    public SkillPremiumInfo? Premium(string skillId) => null;

    public SalaryFigure? Estimate(SalaryQuery query) => null;
}

/// <summary>A salary insight made of two functions, for wiring a model in without a new class.</summary>
public sealed class DelegateSalaryInsight(Func<string, SkillPremiumInfo?> premium, Func<SalaryQuery, SalaryFigure?> estimate) : ISalaryInsight
{
    public SkillPremiumInfo? Premium(string skillId) => premium(skillId);

    public SalaryFigure? Estimate(SalaryQuery query) => estimate(query);
}
