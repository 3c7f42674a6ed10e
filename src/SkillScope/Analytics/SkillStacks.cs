using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Analytics;

/// <summary>The stack report's own options as the user typed them: the CLI's --min-share/--min-postings, the API's minShare/minPostings.</summary>
public sealed record StackInput
{
    /// <summary>A percentage ("20", "12.5", "20%"); the default when absent.</summary>
    public string? MinShare { get; init; }

    /// <summary>A whole number of postings; the default when absent.</summary>
    public string? MinPostings { get; init; }

    public bool IncludeSnippets { get; init; }
}

/// <summary>How the stacks are drawn (docs/stacks.md); built and checked by <see cref="TryBuild"/>.</summary>
public sealed record StackOptions
{
    /// <summary>A skill is in a level's stack when at least this share of the level's postings asks for it.</summary>
    public const double DefaultMinShare = 0.20;

    /// <summary>A level with fewer counted postings gets a note instead of a stack.</summary>
    public const int DefaultMinPostings = 30;

    public const int MaxMinPostings = 1_000_000;

    public double MinShare { get; init; } = DefaultMinShare;

    public int MinPostings { get; init; } = DefaultMinPostings;

    /// <summary>Count snippets and summaries too (by default only full descriptions count, as in the skill report).</summary>
    public bool IncludeSnippets { get; init; }

    /// <summary>
    /// The options, or the first problem as a value naming its field (<c>role</c>, <c>minShare</c>, <c>minPostings</c>):
    /// a stack is drawn for a role, so the filter must name at least one.
    /// </summary>
    public static bool TryBuild(StackInput input, RecordFilter filter, [NotNullWhen(true)] out StackOptions? options, [NotNullWhen(false)] out FieldError? error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(filter);
        (options, error) = (null, null);
        if (filter.Roles.Count == 0)
        {
            error = new FieldError("role", $"is required: a stack describes one role's postings; use one of: {string.Join(", ", Roles.All)}");
            return false;
        }

        var minShare = DefaultMinShare;
        if (!string.IsNullOrWhiteSpace(input.MinShare))
        {
            var text = input.MinShare.Trim().TrimEnd('%').TrimEnd();
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent <= 0 || percent > 100)
            {
                error = new FieldError("minShare", $"'{input.MinShare}' is not a percentage above 0 and at most 100 (e.g. 20 for 20%)");
                return false;
            }

            minShare = percent / 100;
        }

        var minPostings = DefaultMinPostings;
        if (!string.IsNullOrWhiteSpace(input.MinPostings)
            && (!int.TryParse(input.MinPostings.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out minPostings) || minPostings < 1 || minPostings > MaxMinPostings))
        {
            error = new FieldError("minPostings", string.Create(CultureInfo.InvariantCulture, $"'{input.MinPostings}' must be a whole number from 1 to {MaxMinPostings}"));
            return false;
        }

        options = new StackOptions { MinShare = minShare, MinPostings = minPostings, IncludeSnippets = input.IncludeSnippets };
        return true;
    }
}

/// <summary>
/// A skill at one level: its share of the level's counted postings with the 95% Wilson interval, and, when a lower level
/// has a stack, the change from that level with its 95% Newcombe interval (<see cref="SkillDemand.NewcombeDifference"/>).
/// </summary>
public sealed record StackSkill(string Skill, string Name, string Category, long Postings, double Share, double Low, double High)
{
    /// <summary>At or above the report's minimum share at this level.</summary>
    public bool InStack { get; init; }

    /// <summary>In this level's stack but not in the lower level's: what the level adds.</summary>
    public bool New { get; init; }

    /// <summary>Postings of the lower level naming the skill, and their share of that level; null at the lowest stack.</summary>
    public long? BelowPostings { get; init; }

    public double? BelowShare { get; init; }

    /// <summary><see cref="Share"/> minus <see cref="BelowShare"/>, with its 95% interval.</summary>
    public double? Difference { get; init; }

    public double? DifferenceLow { get; init; }

    public double? DifferenceHigh { get; init; }

    /// <summary>False when the difference's interval includes zero: the change is not established.</summary>
    public bool? Established { get; init; }
}

/// <summary>One seniority level: its counted postings and either its stack or a note saying why there is none.</summary>
public sealed record StackLevel(string Level, long Postings)
{
    /// <summary>Postings of the level with no text (counted nowhere).</summary>
    public long PostingsWithoutText { get; init; }

    /// <summary>Postings of the level left out of the shares (snippets, summaries, no text), by why.</summary>
    public IReadOnlyList<LeftOutRow> LeftOut { get; init; } = [];

    /// <summary>Why the level has no stack (too few postings, level unknown), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The nearest lower level with a stack, which this one is compared with; null for the lowest.</summary>
    public string? CompareWith { get; init; }

    public long? CompareWithPostings { get; init; }

    /// <summary>The stack: skills at or above the minimum share, by share.</summary>
    public IReadOnlyList<StackSkill> Skills { get; init; } = [];

    /// <summary>Skills of the lower level's stack under the minimum share here, by their share there.</summary>
    public IReadOnlyList<StackSkill> Dropped { get; init; } = [];
}

public sealed record StackReport
{
    public required IReadOnlyList<string> Roles { get; init; }

    public required double MinShare { get; init; }

    public required int MinPostings { get; init; }

    public required bool IncludeSnippets { get; init; }

    /// <summary>Counted postings over every level shown (unknown included).</summary>
    public required long Postings { get; init; }

    public required long PostingsWithoutText { get; init; }

    public required IReadOnlyList<LeftOutRow> LeftOut { get; init; }

    /// <summary>Levels from the lowest to the highest (intern .. executive), then unknown.</summary>
    public required IReadOnlyList<StackLevel> Levels { get; init; }
}

/// <summary>
/// "Junior / mid / senior stack" from the postings: for each seniority level, the skills asked for in at least a given
/// share of that level's postings (the skill report's shares, <see cref="SkillDemand.Compute"/>, per level), and what
/// each level adds to the nearest lower level with a stack. Documented in docs/stacks.md.
/// </summary>
public static class SkillStacks
{
    public static StackReport Compute(SkillStore store, SkillTaxonomy taxonomy, RecordFilter filter, StackOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(options);
        var levels = filter.Seniorities.Count == 0 ? Seniorities.All : [.. Seniorities.All.Where(filter.Seniorities.Contains)];
        var demandOptions = new SkillDemandOptions { IncludeSnippets = options.IncludeSnippets };
        var texts = options.IncludeSnippets ? "with text" : "with full text";
        var rows = new List<StackLevel>(levels.Count);
        Level? below = null;
        foreach (var level in levels)
        {
            var report = SkillDemand.Compute(store, taxonomy, filter with { Seniorities = [level] }, int.MaxValue, options: demandOptions);
            var row = new StackLevel(level, report.Postings) { PostingsWithoutText = report.PostingsWithoutText, LeftOut = report.LeftOut };
            if (level == Seniorities.Unknown)
            {
                rows.Add(row with { Note = "level neither stated nor inferred from the title or years asked (docs/domain.md): in no stack" });
                continue;
            }

            if (report.Postings < options.MinPostings)
            {
                rows.Add(row with
                {
                    Note = report.Postings == 0 ? $"no postings {texts}"
                        : string.Create(CultureInfo.InvariantCulture, $"too few postings {texts} for a stack (fewer than {options.MinPostings:N0})"),
                });
                continue;
            }

            var current = new Level(level, report.Postings, report.Skills.ToDictionary(s => s.Skill, StringComparer.Ordinal),
                report.Skills.Where(s => InStack(s.Postings, report.Postings, options.MinShare)).Select(s => s.Skill).ToHashSet(StringComparer.Ordinal));
            var skills = report.Skills.Where(s => current.Stack.Contains(s.Skill))
                .Select(s => Entry(s, current, below))
                .OrderByDescending(s => s.Postings).ThenBy(s => s.Skill, StringComparer.Ordinal)
                .ToList();
            var dropped = below is null ? []
                : below.Stack.Where(id => !current.Stack.Contains(id))
                    .Select(id => Entry(current.Skills.GetValueOrDefault(id) ?? Absent(taxonomy, id, current.N), current, below))
                    .OrderByDescending(s => s.BelowPostings).ThenBy(s => s.Skill, StringComparer.Ordinal)
                    .ToList();
            rows.Add(row with { CompareWith = below?.Id, CompareWithPostings = below?.N, Skills = skills, Dropped = dropped });
            below = current;
        }

        var leftOut = rows.SelectMany(r => r.LeftOut).GroupBy(l => l.TextKind, StringComparer.Ordinal)
            .Select(g => new LeftOutRow(g.Key, g.Sum(l => l.Postings), g.First().Reason))
            .OrderBy(l => Normalize.TextKinds.All.ToList().IndexOf(l.TextKind))
            .ToList();
        return new StackReport
        {
            Roles = filter.Roles, MinShare = options.MinShare, MinPostings = options.MinPostings, IncludeSnippets = options.IncludeSnippets,
            Postings = rows.Sum(r => r.Postings), PostingsWithoutText = rows.Sum(r => r.PostingsWithoutText), LeftOut = leftOut, Levels = rows,
        };
    }

    /// <summary>Whether <paramref name="count"/> of <paramref name="n"/> reaches <paramref name="minShare"/> (exact for shares such as 6 of 30 at 20%).</summary>
    public static bool InStack(long count, long n, double minShare) => n > 0 && count >= (minShare * n) - 1e-9;

    private sealed record Level(string Id, long N, Dictionary<string, SkillDemandRow> Skills, HashSet<string> Stack);

    private static SkillDemandRow Absent(SkillTaxonomy taxonomy, string id, long n)
    {
        var skill = taxonomy.Find(id);
        var (low, high) = SkillDemand.Wilson(0, n);
        return new SkillDemandRow(id, skill?.Name ?? id, skill?.Category ?? "unknown", 0, 0, low, high, 0, 0, SkillDemand.Label(0));
    }

    private static StackSkill Entry(SkillDemandRow s, Level current, Level? below)
    {
        var entry = new StackSkill(s.Skill, s.Name, s.Category, s.Postings, s.Share, s.Low, s.High)
        {
            InStack = current.Stack.Contains(s.Skill),
            New = current.Stack.Contains(s.Skill) && below is not null && !below.Stack.Contains(s.Skill),
        };
        if (below is null)
        {
            return entry;
        }

        var x = below.Skills.GetValueOrDefault(s.Skill)?.Postings ?? 0;
        var (low, high) = SkillDemand.NewcombeDifference(s.Postings, current.N, x, below.N);
        return entry with
        {
            BelowPostings = x,
            BelowShare = (double)x / below.N,
            Difference = s.Share - ((double)x / below.N),
            DifferenceLow = low,
            DifferenceHigh = high,
            Established = low > 0 || high < 0,
        };
    }
}
