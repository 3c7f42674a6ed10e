using System.Globalization;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>A profile to estimate pay for. Give a country or a metro (whose country is then implied), or neither.</summary>
public sealed record EstimateRequest(string Role, string Seniority, string? Country, string? Metro, IReadOnlyList<string> Skills)
{
    /// <summary>Kind of record the pay cells come from; null: salary reports when the store has any, else postings.</summary>
    public string? Kind { get; init; }

    /// <summary>Leave out salaries a board estimated (Glassdoor est., Adzuna predicted): the default; false adds them.</summary>
    public bool ExcludeEstimates { get; init; } = true;

    /// <summary>A skill premium is applied only when at least this many postings name the skill and this many do not.</summary>
    public int MinPremiumObservations { get; init; } = 30;

    /// <summary>The first problem as one line, or null.</summary>
    public string? Validate()
    {
        if (!Roles.All.Contains(Role))
        {
            return $"--role '{Role}' is not known; use one of: {string.Join(", ", Roles.All)}";
        }

        if (!Seniorities.All.Contains(Seniority))
        {
            return $"--seniority '{Seniority}' is not known; use one of: {string.Join(", ", Seniorities.All)}";
        }

        if (Country is not null && (Country.Length != 2 || !Country.All(char.IsAsciiLetterUpper)))
        {
            return $"--country '{Country}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)";
        }

        if (Metro is not null && SalaryRegions.HomeCountry(Metro) is not { } home)
        {
            return $"--metro '{Metro}' is not a metro SkillScope reports; use one of: {string.Join(", ", Metros.All)}";
        }
        else if (Metro is not null && Country is not null && Country != SalaryRegions.HomeCountry(Metro))
        {
            return $"--metro {Metro} is not in --country {Country}";
        }

        return Kind is not null && !RecordKinds.All.Contains(Kind) ? $"--kind '{Kind}' is not known; use posting or salary_report"
            : MinPremiumObservations < 1 ? "the premium threshold must be at least 1"
            : null;
    }
}

/// <summary>Local-currency figures of an estimate.</summary>
public sealed record LocalEstimate(string Currency, double UsdPerUnit, double? Median, double? P25, double? P75);

/// <summary>
/// One piece of evidence an estimate used or tried. <see cref="Type"/> is "cell" (a pay distribution),
/// "regional-differential" or "skill-premium"; <see cref="Value"/>, <see cref="Low"/> and <see cref="High"/> are
/// fractions (0.2 = +20%) and <see cref="Factor"/> the multiplier applied. <see cref="N"/> is the records behind it
/// (for a premium: postings naming the skill). <see cref="Note"/> says why it was not applied or what fell back.
/// </summary>
public sealed record EstimateBasis(
    string Type, string Label, long N, double? Value, double? Low, double? High, double? Factor, bool Applied, string? Note)
{
    public IReadOnlyDictionary<string, string>? Group { get; init; }
}

/// <summary>
/// A pay estimate for a profile: P25, median and P75 of annual USD. Figures are null (and <see cref="Suppressed"/>
/// true) when no cell has enough records. Property names are the stable JSON contract.
/// </summary>
public sealed record SalaryEstimate
{
    public required double? Median { get; init; }
    public required double? P25 { get; init; }
    public required double? P75 { get; init; }
    public string Currency { get; init; } = "USD";
    /// <summary>Records in the pay cell the figures come from.</summary>
    public required long N { get; init; }
    public required string Kind { get; init; }
    public required bool Suppressed { get; init; }
    public required LocalEstimate? Local { get; init; }
    public required string FxAsOf { get; init; }
    public required IReadOnlyList<EstimateBasis> Basis { get; init; }
    /// <summary>Salaries a board estimated (Glassdoor est., Adzuna predicted) left out of the pay cells: the default; 0 when included.</summary>
    public long EstimatesLeftOut { get; init; }
}

/// <summary>
/// Estimates pay for a profile from the most specific cell with enough records: metro, then country, then global,
/// first for role x seniority, then for the role alone. A cell from a wider region is scaled by the regional
/// differentials of the narrower regions asked for (when they have enough records); then by the skills' premiums,
/// fitted jointly over postings. Every step is listed in <see cref="SalaryEstimate.Basis"/> with its n.
/// </summary>
public static class SalaryEstimator
{
    private const int BootstrapSamples = 1000;
    private const int Seed = 20_260_101;

    public static SalaryEstimate Estimate(SkillStore store, SkillTaxonomy taxonomy, EstimateRequest request, int minCell = 10) =>
        Estimate(store, taxonomy, request, minCell, FxRates.Default);

    public static SalaryEstimate Estimate(SkillStore store, SkillTaxonomy taxonomy, EstimateRequest request, int minCell, FxRates rates)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rates);
        if (request.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minCell, 1);
        var kind = request.Kind ?? (SalarySample.Any(store, RecordKinds.SalaryReport) ? RecordKinds.SalaryReport : RecordKinds.Posting);
        var sample = SalarySample.Load(store, RecordFilter.None, kind, request.ExcludeEstimates);
        var country = request.Country ?? (request.Metro is { } m ? SalaryRegions.HomeCountry(m) : null);
        var chain = new List<(string Level, string? Name)>();
        if (request.Metro is { } metro)
        {
            chain.Add((SalaryDimensions.Metro, metro));
        }

        if (country is not null)
        {
            chain.Add((SalaryDimensions.Country, country));
        }

        chain.Add(("global", null));

        var basis = new List<EstimateBasis>();
        var chosen = Cell(sample, request, chain, minCell, basis, kind);
        if (chosen is not var (values, regionIndex))
        {
            basis.AddRange(Premiums(store, taxonomy, request, null));
            return new SalaryEstimate
            {
                Median = null, P25 = null, P75 = null, N = 0, Kind = kind, Suppressed = true, Local = null,
                FxAsOf = rates.AsOf, Basis = basis, EstimatesLeftOut = sample.EstimatesLeftOut,
            };
        }

        var factor = 1.0;
        SalarySample? other = null;
        for (var i = regionIndex - 1; i >= 0; i--)
        {
            factor *= Differential(sample, () => other ??= SalarySample.Load(store, RecordFilter.None, Other(kind), request.ExcludeEstimates),
                chain[i], chain[i + 1], minCell, basis);
        }

        var premiums = Premiums(store, taxonomy, request, minCell).ToList();
        basis.AddRange(premiums);
        foreach (var premium in premiums.Where(p => p.Applied))
        {
            factor *= premium.Factor!.Value;
        }

        var (p25, median, p75) = (Statistics.Percentile(values, 25) * factor, Statistics.Percentile(values, 50) * factor, Statistics.Percentile(values, 75) * factor);
        var local = SalaryCurrencies.For(country, rates) is var (currency, rate)
            ? new LocalEstimate(currency, rate, median / rate, p25 / rate, p75 / rate)
            : null;
        return new SalaryEstimate
        {
            Median = median, P25 = p25, P75 = p75, N = values.Length, Kind = kind, Suppressed = false, Local = local,
            FxAsOf = rates.AsOf, Basis = basis, EstimatesLeftOut = sample.EstimatesLeftOut,
        };
    }

    // Tries role x seniority in each region from the narrowest, then the role alone; records every attempt.
    private static (double[] Values, int RegionIndex)? Cell(
        SalarySample sample, EstimateRequest request, List<(string Level, string? Name)> chain, int minCell, List<EstimateBasis> basis, string kind)
    {
        var role = sample.Roles.Find(request.Role);
        var seniority = sample.Seniorities.Find(request.Seniority);
        string? previous = null;
        foreach (var withSeniority in (ReadOnlySpan<bool>)[true, false])
        {
            for (var r = 0; r < chain.Count; r++)
            {
                var (level, name) = chain[r];
                var values = Values(sample, role, withSeniority ? seniority ?? -2 : null, level, name);
                var group = new Dictionary<string, string>(StringComparer.Ordinal) { [SalaryDimensions.Role] = request.Role };
                if (withSeniority)
                {
                    group[SalaryDimensions.Seniority] = request.Seniority;
                }

                if (name is not null)
                {
                    group[level] = name;
                }

                var label = Describe(request.Role, withSeniority ? request.Seniority : null, name) + $" ({kind})";
                var enough = values.Length >= minCell && values.Length > 0;
                var note = enough
                    ? previous is null ? null : "fallback: " + previous
                    : $"insufficient data: {values.Length.ToString(CultureInfo.InvariantCulture)} records, fewer than {minCell.ToString(CultureInfo.InvariantCulture)}";
                basis.Add(new EstimateBasis("cell", label, values.Length, null, null, null, enough ? 1 : null, enough, note) { Group = group });
                if (enough)
                {
                    return (values, r);
                }

                previous = previous is null ? $"{label} has {values.Length.ToString(CultureInfo.InvariantCulture)} records" : previous;
            }
        }

        return null;
    }

    private static double[] Values(SalarySample sample, int? role, int? seniority, string level, string? name)
    {
        if (role is null)
        {
            return [];
        }

        var column = name is null ? null : sample.Column(level);
        var code = name is null ? -1 : sample.CodesOf(level).Find(name) ?? -2;
        var values = new List<double>();
        for (var i = 0; i < sample.Count; i++)
        {
            if (sample.Role[i] == role && (seniority is null || sample.Seniority[i] == seniority) && (column is null || column[i] == code))
            {
                values.Add(sample.Usd[i]);
            }
        }

        values.Sort();
        return [.. values];
    }

    private static string Describe(string role, string? seniority, string? region) =>
        role + (seniority is null ? " (all levels)" : " x " + seniority) + " in " + (region ?? "all regions");

    private static string Other(string kind) => kind == RecordKinds.Posting ? RecordKinds.SalaryReport : RecordKinds.Posting;

    // A differential is a ratio, so when the cell's kind has too few records in the region (salary reports carry
    // no metro), the other kind's differential is used instead, and the basis says so.
    private static double Differential(
        SalarySample sample, Func<SalarySample> other, (string Level, string? Name) region, (string Level, string? Name) parent, int minCell,
        List<EstimateBasis> basis)
    {
        var first = Row(sample);
        if (first is { Suppressed: false, Differential: { } differential })
        {
            return Apply(first, sample.Kind, differential, null);
        }

        var second = Row(other());
        if (second is { Suppressed: false, Differential: { } otherDifferential })
        {
            return Apply(second, other().Kind, otherDifferential,
                $"{sample.Kind} has {(first?.N ?? 0).ToString(CultureInfo.InvariantCulture)} records in {region.Name}; the {other().Kind} differential is used");
        }

        basis.Add(new EstimateBasis("regional-differential", Label(sample.Kind), first?.N ?? 0, null, null, null, null, Applied: false,
            $"insufficient data: {sample.Kind} has {(first?.N ?? 0).ToString(CultureInfo.InvariantCulture)} and {other().Kind} {(second?.N ?? 0).ToString(CultureInfo.InvariantCulture)} records in {region.Name} (fewer than {minCell.ToString(CultureInfo.InvariantCulture)}); figure not adjusted for {region.Name}"));
        return 1;

        RegionDifferential? Row(SalarySample from) =>
            SalaryRegions.Compute(from, region.Level, minCell, BootstrapSamples, Seed, region.Name).Rows is [var row] ? row : null;

        string Label(string kind) => $"{region.Name} against {parent.Name ?? SalaryRegions.Global} for the same role x seniority mix ({kind})";

        double Apply(RegionDifferential row, string kind, double value, string? note)
        {
            basis.Add(new EstimateBasis("regional-differential", Label(kind), row.N, value, row.Low, row.High, 1 + value, Applied: true,
                note ?? $"applied because the pay cell is for {parent.Name ?? "all regions"}"));
            return 1 + value;
        }
    }

    // Premiums of the requested skills fitted jointly (so overlapping skills are not counted twice), over all
    // postings with text and a usable salary. A null minCell only lists the skills (no figure will be shown).
    private static IEnumerable<EstimateBasis> Premiums(SkillStore store, SkillTaxonomy taxonomy, EstimateRequest request, int? minCell)
    {
        if (request.Skills.Count == 0)
        {
            return [];
        }

        var entries = new List<EstimateBasis>();
        var sample = PremiumSample.Load(store, RecordFilter.None, request.ExcludeEstimates);
        var fitted = new List<(string Id, int[] Rows)>();
        foreach (var text in request.Skills.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (SalaryPremiums.Resolve(taxonomy, text) is not { } id)
            {
                entries.Add(new EstimateBasis("skill-premium", text, 0, null, null, null, null, false, "not a skill or category of the taxonomy; ignored"));
                continue;
            }

            if (fitted.Any(f => f.Id == id))
            {
                continue;
            }

            var rows = sample.Rows(store, SalaryPremiums.Members(taxonomy, id));
            var without = sample.Count - rows.Length;
            if (minCell is null || rows.Length < request.MinPremiumObservations || without < request.MinPremiumObservations)
            {
                entries.Add(new EstimateBasis("skill-premium", Label(taxonomy, id, rows.Length, without), rows.Length, null, null, null, null, false,
                    minCell is null ? "not applied: no pay cell to apply it to"
                    : $"insufficient data: a premium needs {request.MinPremiumObservations.ToString(CultureInfo.InvariantCulture)} postings with and without the skill"));
                continue;
            }

            fitted.Add((id, rows));
        }

        if (fitted.Count > 0)
        {
            var fit = fitted.Count <= 64 ? sample.Model().Fit([.. fitted.Select(f => f.Rows)]) : null;
            var estimatedShare = sample.Count == 0 ? 0 : (double)sample.Estimates / sample.Count;
            for (var j = 0; j < fitted.Count; j++)
            {
                var (id, rows) = fitted[j];
                var label = Label(taxonomy, id, rows.Length, sample.Count - rows.Length);
                if (fit is not { } coefficients)
                {
                    entries.Add(new EstimateBasis("skill-premium", label, rows.Length, null, null, null, null, false,
                        "not identified: the fixed effects or the other skills explain who names it"));
                    continue;
                }

                // Applied only when the data tell it from no premium (docs/salary.md, "Premiums applied to an estimate").
                var c = coefficients[j];
                var decision = PremiumRules.Decide(c.Premium, c.Low, c.High, estimatedShare);
                var note = decision.Reason + (fitted.Count > 1 ? "; fitted jointly with the other skills listed" : "");
                entries.Add(new EstimateBasis("skill-premium", label, rows.Length, c.Premium, c.Low, c.High,
                    decision.Applied ? 1 + c.Premium : 1, decision.Applied, note));
            }
        }

        return entries;
    }

    private static string Label(SkillTaxonomy taxonomy, string id, long with, long without) =>
        string.Create(CultureInfo.InvariantCulture, $"{SalaryPremiums.NameOf(taxonomy, id)} ({id}): postings with {with:N0}, without {without:N0}");
}
