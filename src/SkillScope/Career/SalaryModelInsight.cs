using System.Globalization;
using SkillScope.Analytics;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Career;

/// <summary>
/// The salary side of `gap` from the salary model: skill premiums fitted over all stored postings, and the
/// profile estimate. A premium or estimate the data cannot support is "not known", never a guess.
/// </summary>
public static class SalaryModelInsight
{
    /// <param name="premiums">Where the fitted premiums come from (a cache, say); by default they are fitted on first use.</param>
    public static ISalaryInsight For(SkillStore store, SkillTaxonomy taxonomy, Func<IReadOnlyDictionary<string, SkillPremium>>? premiums = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var fitted = new Lazy<IReadOnlyDictionary<string, SkillPremium>>(premiums ?? (() => FitPremiums(store, taxonomy)));
        return new DelegateSalaryInsight(
            skill => fitted.Value.TryGetValue(skill, out var p) ? new SkillPremiumInfo(p.Premium, p.Low, p.High, p.NWith, p.NWithout) : null,
            query =>
            {
                var estimate = SalaryEstimator.Estimate(store, taxonomy,
                    new EstimateRequest(query.Role, query.Seniority ?? Seniorities.Unknown, query.Country, null, query.Skills));
                return estimate is { Suppressed: false, Median: { } median }
                    ? new SalaryFigure(median, estimate.P25, estimate.P75, estimate.N, Basis(estimate))
                    : null;
            });
    }

    public static IReadOnlyDictionary<string, SkillPremium> FitPremiums(SkillStore store, SkillTaxonomy taxonomy) =>
        SalaryPremiums.Compute(store, taxonomy, RecordFilter.None).ToDictionary(p => p.Skill, StringComparer.Ordinal);

    // The pay cell and how many other adjustments apply; `salary estimate` prints every step in full.
    private static string Basis(SalaryEstimate estimate)
    {
        var applied = estimate.Basis.Where(b => b.Applied).ToList();
        var cell = applied.FirstOrDefault(b => b.Type == "cell");
        var premiums = applied.Count(b => b.Type == "skill-premium");
        var regional = applied.Count(b => b.Type == "regional-differential");
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell?.Label ?? "no cell"}, n = {estimate.N:N0}{(regional > 0 ? "; regional differential" : "")}{(premiums > 0 ? $"; {premiums} skill premiums" : "")}{(estimate.EstimatesLeftOut > 0 ? $"; {estimate.EstimatesLeftOut:N0} board-estimated salaries left out" : "")}");
    }
}
