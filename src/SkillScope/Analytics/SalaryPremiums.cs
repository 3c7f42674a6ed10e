using System.Globalization;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>
/// A skill's (or skill group's) pay premium: exp(beta) - 1 as a fraction, its 95% interval, and how many postings
/// name it and do not. Property names are the stable JSON contract.
/// </summary>
public sealed record SkillPremium(string Skill, double Premium, double Low, double High, long NWith, long NWithout)
{
    /// <summary>Display name: the taxonomy name, or "any CATEGORY skill" for a group.</summary>
    public string? Name { get; init; }
}

public sealed record PremiumOptions
{
    /// <summary>A skill is reported only when at least this many postings name it and at least this many do not.</summary>
    public int MinObservations { get; init; } = 30;

    /// <summary>Leave out salaries a board estimated (Glassdoor est., Adzuna predicted): the default; false adds them.</summary>
    public bool ExcludeEstimates { get; init; } = true;

    /// <summary>Skill ids (or names) and groups ("category:llm-genai") to test; null tests every skill and every category.</summary>
    public IReadOnlyList<string>? Skills { get; init; }
}

/// <summary>The premiums report: the fit's sample and the premiums that pass the threshold.</summary>
public sealed record PremiumReport
{
    public string Kind { get; init; } = RecordKinds.Posting;
    /// <summary>Postings with text and a usable salary: the regression's observations.</summary>
    public required long N { get; init; }
    /// <summary>Of <see cref="N"/>, salaries the source marks as its own estimate.</summary>
    public required long Estimates { get; init; }
    public required int MinObservations { get; init; }
    public IReadOnlyList<string> FixedEffects { get; init; } = SalaryPremiums.FixedEffects;
    /// <summary>Skills and groups tested; those not in <see cref="Premiums"/> had too few observations or were not identified.</summary>
    public required long Tested { get; init; }
    public required IReadOnlyList<SkillPremium> Premiums { get; init; }
    /// <summary>Skills and groups tested but not reported, with their counts and why.</summary>
    public IReadOnlyList<UnreportedPremium> NotReported { get; init; } = [];
}

/// <summary>A skill tested for a premium but not reported: too few postings with or without it, or not identified.</summary>
public sealed record UnreportedPremium(string Skill, long NWith, long NWithout, string Reason);

/// <summary>
/// Skill premiums: log(annual USD) regressed by least squares on the skill's indicator with fixed effects for role,
/// seniority, country and year. One fit per skill, over one kind of record: postings with text (their skills are
/// read from it), or salary reports whose respondents list the tools they use (DOU, State of Data: their stated
/// skills), never the two pooled.
/// </summary>
public static class SalaryPremiums
{
    /// <summary>Prefix of a skill group: "category:llm-genai" is "names any skill of the llm-genai category".</summary>
    public const string GroupPrefix = "category:";

    public static IReadOnlyList<string> FixedEffects { get; } = ["role", "seniority", "country", "year"];

    public static IReadOnlyList<SkillPremium> Compute(SkillStore store, SkillTaxonomy taxonomy, RecordFilter filter, int minObservations = 30) =>
        Report(store, taxonomy, filter, new PremiumOptions { MinObservations = minObservations }).Premiums;

    public static PremiumReport Report(SkillStore store, SkillTaxonomy taxonomy, RecordFilter filter, PremiumOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var kind = filter.Kinds is [var only] ? only : RecordKinds.Posting;
        var sample = PremiumSample.Load(store, filter, options.ExcludeEstimates, kind);
        var tests = options.Skills is { } chosen
            ? chosen.Select(s => Resolve(taxonomy, s) ?? s).Distinct(StringComparer.Ordinal).ToList()
            : DefaultTests(store, taxonomy, options.MinObservations);
        var premiums = new List<SkillPremium>();
        var unreported = new List<UnreportedPremium>();
        var model = sample.Count > 0 ? sample.Model() : null;
        // A board's estimate is a model's output, not an employer's offer: premiums are not read from pay that is mostly estimates.
        var mostlyEstimated = PremiumRules.MostlyEstimated(sample.Count, sample.Estimates);
        foreach (var test in tests)
        {
            var rows = sample.Count > 0 ? sample.Rows(store, Members(taxonomy, test)) : [];
            var (with, without) = ((long)rows.Length, (long)(sample.Count - rows.Length));
            if (mostlyEstimated)
            {
                unreported.Add(new UnreportedPremium(test, with, without, string.Create(CultureInfo.InvariantCulture,
                    $"not reported: {sample.Estimates:N0} of the {sample.Count:N0} salaries are boards' estimates")));
            }
            else if (with < options.MinObservations || without < options.MinObservations)
            {
                unreported.Add(new UnreportedPremium(test, with, without,
                    $"insufficient data: fewer than {options.MinObservations.ToString(CultureInfo.InvariantCulture)} postings {(with < options.MinObservations ? "with" : "without")} it"));
            }
            else if (model!.Fit([rows]) is [var fit])
            {
                premiums.Add(new SkillPremium(test, fit.Premium, fit.Low, fit.High, with, without) { Name = NameOf(taxonomy, test) });
            }
            else
            {
                unreported.Add(new UnreportedPremium(test, with, without, "not identified: the fixed effects explain who names it"));
            }
        }

        premiums.Sort((a, b) => b.Premium != a.Premium ? b.Premium.CompareTo(a.Premium) : string.CompareOrdinal(a.Skill, b.Skill));
        return new PremiumReport
        {
            Kind = kind,
            N = sample.Count,
            Estimates = sample.Estimates,
            MinObservations = options.MinObservations,
            Tested = tests.Count,
            Premiums = premiums,
            NotReported = [.. unreported.OrderBy(u => u.Skill, StringComparer.Ordinal)],
        };
    }

    /// <summary>The skill id for an id, name or alias, or the group id for "category:SLUG"; null when it is neither.</summary>
    public static string? Resolve(SkillTaxonomy taxonomy, string skillOrGroup)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(skillOrGroup);
        var text = skillOrGroup.Trim();
        if (text.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var category = text[GroupPrefix.Length..].Trim().ToLowerInvariant();
            return taxonomy.Skills.Any(s => s.Category == category) ? GroupPrefix + category : null;
        }

        return taxonomy.Resolve(text)?.Id;
    }

    internal static string NameOf(SkillTaxonomy taxonomy, string test) =>
        test.StartsWith(GroupPrefix, StringComparison.Ordinal) ? $"any skill in {test[GroupPrefix.Length..]}" : taxonomy.Find(test)?.Name ?? test;

    internal static IReadOnlyList<string> Members(SkillTaxonomy taxonomy, string test) =>
        test.StartsWith(GroupPrefix, StringComparison.Ordinal)
            ? [.. taxonomy.Skills.Where(s => s.Category == test[GroupPrefix.Length..]).Select(s => s.Id)]
            : [test];

    // Every skill some posting names often enough to pass the threshold (a count over the whole store bounds the
    // count among the filtered postings), and every category of the taxonomy, in a stable order.
    private static List<string> DefaultTests(SkillStore store, SkillTaxonomy taxonomy, int minObservations)
    {
        var tests = new List<string>(SalaryQueries.SkillsNamedAtLeast(store, minObservations));
        tests.AddRange(taxonomy.Skills.Select(s => s.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => GroupPrefix + c));
        return tests;
    }
}

/// <summary>The premium regression's observations: postings with text and a usable salary, coded for the fixed effects.</summary>
internal sealed class PremiumSample
{
    private readonly int[] _rowOfDense;
    private readonly Dictionary<long, int>? _rowOfSparse;

    private PremiumSample(long[] ids, double[] logUsd, int[][] factors, Codes[] codes, long estimates)
    {
        Ids = ids;
        LogUsd = logUsd;
        Factors = factors;
        FactorCodes = codes;
        Estimates = estimates;
        var max = ids.Length == 0 ? 0 : ids.Max();
        // Record ids are a rowid sequence: a flat array maps them to rows unless they are very sparse.
        if (max <= (4L * ids.Length) + 1024)
        {
            _rowOfDense = new int[max + 1];
            Array.Fill(_rowOfDense, -1);
            for (var i = 0; i < ids.Length; i++)
            {
                _rowOfDense[ids[i]] = i;
            }
        }
        else
        {
            _rowOfDense = [];
            _rowOfSparse = new Dictionary<long, int>(ids.Length);
            for (var i = 0; i < ids.Length; i++)
            {
                _rowOfSparse[ids[i]] = i;
            }
        }
    }

    public int Count => Ids.Length;

    public long[] Ids { get; }

    public double[] LogUsd { get; }

    /// <summary>Role, seniority, country, year: each row's level code.</summary>
    public int[][] Factors { get; }

    public Codes[] FactorCodes { get; }

    public long Estimates { get; }

    public PremiumModel Model() => PremiumModel.Build(LogUsd, Factors, [.. FactorCodes.Select(c => c.Count)]);

    /// <summary>
    /// The observations of one kind: postings with text, or salary reports that list at least one skill (a
    /// respondent who lists no tool says nothing about having one, so is left out rather than counted without).
    /// </summary>
    public static PremiumSample Load(SkillStore store, RecordFilter filter, bool excludeEstimates, string kind = RecordKinds.Posting)
    {
        var capacity = SalarySample.Capacity(store, kind);
        var ids = new List<long>(capacity);
        var y = new List<double>(capacity);
        var factors = Enumerable.Range(0, 4).Select(_ => new List<int>(capacity)).ToArray();
        var codes = new Codes[] { new(), new(), new(), new() };
        long estimates = 0;
        using (var scan = SalaryQueries.PremiumObservations(store, filter, excludeEstimates, kind))
        {
            while (scan.Read())
            {
                ids.Add(scan.Int64(0));
                y.Add(Math.Log(scan.Double(1)));
                for (var f = 0; f < 3; f++)
                {
                    factors[f].Add(codes[f].Code(scan, f + 2));
                }

                factors[3].Add(codes[3].NumberCode(scan, 5));
                estimates += scan.Int64(6);
            }
        }

        return new PremiumSample([.. ids], [.. y], [.. factors.Select(f => f.ToArray())], codes, estimates);
    }

    public int RowOf(long id) =>
        _rowOfSparse is { } sparse ? sparse.GetValueOrDefault(id, -1)
        : id >= 0 && id < _rowOfDense.Length ? _rowOfDense[id] : -1;

    /// <summary>The rows (sorted, distinct) of the postings that name any of <paramref name="skills"/>.</summary>
    public int[] Rows(SkillStore store, IReadOnlyList<string> skills)
    {
        var rows = new List<int>();
        var ascending = true;
        using (var scan = SalaryQueries.RecordsNaming(store, skills))
        {
            while (scan.Read())
            {
                var row = RowOf(scan.Int64(0));
                if (row >= 0)
                {
                    ascending &= rows.Count == 0 || row > rows[^1];
                    rows.Add(row);
                }
            }
        }

        // One skill comes back in record order (the index is on skill, record): already sorted and distinct.
        if (ascending)
        {
            return [.. rows];
        }

        rows.Sort();
        var distinct = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 0 || rows[i] != rows[i - 1])
            {
                rows[distinct++] = rows[i];
            }
        }

        return [.. rows.GetRange(0, distinct)];
    }
}
