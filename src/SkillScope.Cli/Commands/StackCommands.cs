using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>`report stacks`: the skills each seniority level of a role asks for, and what each level adds (issue 15 item 2).</summary>
internal static class StackCommands
{
    public static Command Report(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var taxonomy = SkillsCommands.TaxonomyOption();
        var minShare = new Option<string?>("--min-share")
        {
            Description = $"A skill is in a level's stack when at least this percentage of the level's postings asks for it (default {StackOptions.DefaultMinShare * 100:0})",
        };
        var minPostings = new Option<string?>("--min-postings")
        {
            Description = $"Levels with fewer counted postings get a note instead of a stack (default {StackOptions.DefaultMinPostings})",
        };
        var includeSnippets = new Option<bool>("--include-snippets")
        {
            Description = "Count postings whose text is a snippet or summary too (by default shares are of full descriptions only)",
        };
        var command = new Command("stacks",
            "The skills each seniority level of a role asks for (share with 95% interval and n), and what each level adds to the one below (difference with 95% interval); --role is required");
        foreach (var option in (Option[])[db, format, taxonomy, minShare, minPostings, includeSnippets])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            var input = new StackInput
            {
                MinShare = result.GetValue(minShare), MinPostings = result.GetValue(minPostings), IncludeSnippets = result.GetValue(includeSnippets),
            };
            if (!StackOptions.TryBuild(input, filter, out var options, out var error))
            {
                throw new CliError(error.Render(FilterOptions.OptionName));
            }

            var loaded = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var report = SkillStacks.Compute(store, loaded, filter, options);
            SkillReportCommands.WarnIfStale(context, store, loaded);

            StackRenderer.Write(context, report, result.GetValue(format)!);
            if (report.Postings == 0 && report.PostingsWithoutText == 0 && EmptyResults.ForRecords(store, filter, postingsOnly: true) is { } hint)
            {
                FilterOptions.WriteEmptyHint(context, "no postings match", hint);
            }

            return 0;
        });
        return command;
    }
}
