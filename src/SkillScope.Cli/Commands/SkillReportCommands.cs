using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>The skill-demand report and the store's skill index (issue 4's store-facing half).</summary>
internal static class SkillReportCommands
{
    public static Command Report(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var taxonomy = SkillsCommands.TaxonomyOption();
        var top = new Option<int>("--top") { Description = "How many skills to list", DefaultValueFactory = _ => 25 };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Two periods to compare: years (2025), quarters (2026Q1) or ranges (2026-01-01..2026-03-31)",
            AllowMultipleArgumentsPerToken = true,
        };
        var coSkills = new Option<string?>("--co-skills") { Description = "A skill id: list the skills most often asked for with it, with lift" };
        var includeSnippets = new Option<bool>("--include-snippets")
        {
            Description = "Count postings whose text is a snippet or summary too (by default shares are of full descriptions only)",
        };
        var by = new Option<string?>("--by") { Description = "Each skill's share per month, quarter or year, with its 95% interval" };
        by.AcceptOnlyFromAmong([.. SkillSeries.Granularities]);
        var skills = new Option<string[]>("--skills")
        {
            Description = "With --by: skills (ids or names) and groups (category:llm-genai) to follow; default category:llm-genai, pytorch, python",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("skills", "Skill demand among postings: share with 95% interval, required vs preferred, trend, demand over time, co-skills, categories");
        foreach (var option in (Option[])[db, format, taxonomy, top, compare, coSkills, includeSnippets, by, skills])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            if (result.GetValue(top) <= 0)
            {
                throw new CliError("--top must be a positive number");
            }

            var loaded = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            var anchor = result.GetValue(coSkills);
            if (anchor is not null && loaded.Find(anchor) is null)
            {
                throw new CliError($"--co-skills '{anchor}' is not a skill id; see 'skillscope skills list'");
            }

            var options = new SkillDemandOptions { IncludeSnippets = result.GetValue(includeSnippets) };
            if (result.GetValue(by) is { } granularity)
            {
                if (result.GetValue(compare) is { Length: > 0 } || anchor is not null)
                {
                    throw new CliError("--by draws shares over time; it does not combine with --compare or --co-skills");
                }

                var followed = (result.GetValue(skills) ?? [])
                    .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Select(name => SalaryPremiums.Resolve(loaded, name)
                        ?? throw new CliError($"--skills '{name}' is not a skill or category:SLUG of the taxonomy; see 'skillscope skills list'"))
                    .Distinct(StringComparer.Ordinal).ToList();
                using var seriesStore = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
                filter = FilterOptions.MatchSources(filter, seriesStore);
                var series = SkillSeries.Compute(seriesStore, loaded, filter, granularity, followed, options);
                WarnIfStale(context, seriesStore, loaded);
                SkillReportRenderer.WriteSeries(context, series, result.GetValue(format)!);
                return 0;
            }

            if (result.GetValue(skills) is { Length: > 0 })
            {
                throw new CliError("--skills chooses the skills to follow over time: use it with --by month|quarter|year");
            }

            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var report = SkillDemand.Compute(store, loaded, filter, result.GetValue(top), anchor, Periods(result.GetValue(compare)), options);
            WarnIfStale(context, store, loaded);
            SkillReportRenderer.Write(context, report, result.GetValue(format)!);
            if (report.Postings == 0 && report.PostingsWithoutText == 0 && EmptyResults.ForRecords(store, filter, postingsOnly: true) is { } hint)
            {
                FilterOptions.WriteEmptyHint(context, "no postings match", hint);
            }

            return 0;
        });
        return command;
    }

    public static Command Reindex(CliContext context)
    {
        var db = CommonOptions.Db();
        var taxonomy = SkillsCommands.TaxonomyOption();
        var command = new Command("reindex", "Re-extract the skills of every stored posting (after a taxonomy change)");
        command.Options.Add(db);
        command.Options.Add(taxonomy);
        command.SetCancellableAction((result, cancellation) =>
        {
            var loaded = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            var count = new SkillIndex(new SkillExtractor(loaded), loaded.Version).Reindex(store, null, cancellation);
            context.Error.WriteLine(cancellation.IsCancellationRequested
                ? $"reindex interrupted after {count:N0} postings: run it again to complete"
                : $"{count:N0} postings re-indexed with taxonomy {loaded.Version}");
            return cancellation.IsCancellationRequested ? 130 : 0;
        });
        return command;
    }

    /// <summary>The ingest pipeline with the skill extractor of <paramref name="taxonomy"/>.</summary>
    public static IngestService IngestServiceFor(SkillStore store, FxRates rates, SkillTaxonomy taxonomy, TimeProvider time) =>
        new(store, rates, time, taxonomy);

    internal static void WarnIfStale(CliContext context, SkillStore store, SkillTaxonomy taxonomy)
    {
        if (SkillIndex.StoredVersion(store) is { } stored && stored != taxonomy.Version)
        {
            context.Error.WriteLine($"note: stored skills were extracted with taxonomy {stored}, not {taxonomy.Version}; run 'skillscope skills reindex'");
        }
    }

    private static (PeriodRange, PeriodRange)? Periods(string[]? values)
    {
        var parts = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (parts.Length == 0)
        {
            return null;
        }

        if (parts.Length != 2)
        {
            throw new CliError("--compare takes exactly two periods, e.g. --compare 2025 2026 or --compare 2026Q1 2026Q2");
        }

        var a = SkillDemand.ParsePeriod(parts[0]) ?? throw new CliError($"--compare '{parts[0]}' is not a year, quarter (2026Q1) or range (2026-01-01..2026-03-31)");
        var b = SkillDemand.ParsePeriod(parts[1]) ?? throw new CliError($"--compare '{parts[1]}' is not a year, quarter (2026Q1) or range (2026-01-01..2026-03-31)");
        return (a, b);
    }
}
