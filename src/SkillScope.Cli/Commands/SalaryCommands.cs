using System.CommandLine;
using SkillScope.Analytics;
using SkillScope.Cli.Rendering;
using SkillScope.Model;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>Salary intelligence: `report salaries`, `report premiums` and `salary estimate` (issue 5).</summary>
internal static class SalaryCommands
{
    /// <summary>The `salary` command group.</summary>
    public static Command Create(CliContext context)
    {
        var salary = new Command("salary", "Pay for a profile, from the stored salaries");
        salary.Subcommands.Add(Estimate(context));
        return salary;
    }

    public static Command Salaries(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var by = new Option<string[]>("--by")
        {
            Description = "Dimensions of the bands: role, seniority, country or metro (comma-separate; default role,seniority)",
            AllowMultipleArgumentsPerToken = true,
        };
        var minCell = MinCell();
        var region = new Option<string>("--region")
        {
            Description = "Regional differential by country (against the global median) or metro (against its country's)",
            DefaultValueFactory = _ => SalaryDimensions.Country,
        };
        region.AcceptOnlyFromAmong(SalaryDimensions.Country, SalaryDimensions.Metro);
        var includeEstimates = IncludeEstimates();
        var command = new Command("salaries",
            "Pay bands (P10-P90, mean, local currency), experience ladder and regional differentials; --kind salary_report (default) or posting, never mixed");
        foreach (var option in (Option[])[db, format, by, minCell, region, includeEstimates])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            var options = new SalaryReportOptions
            {
                By = Split(result.GetValue(by)) is { Length: > 0 } dimensions ? dimensions : [SalaryDimensions.Role, SalaryDimensions.Seniority],
                MinCell = result.GetValue(minCell),
                RegionLevel = result.GetValue(region)!,
                ExcludeEstimates = !result.GetValue(includeEstimates),
            };
            if (options.Validate() is { } problem)
            {
                throw new CliError(problem);
            }

            KindOf(filter);
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var report = SalaryAnalysis.Compute(store, filter, options);
            SalaryRenderer.Write(context, report, result.GetValue(format)!);
            if (report.N == 0 && EmptyResults.ForSalaries(store, filter, report.Kind, options.ExcludeEstimates) is { } hint)
            {
                FilterOptions.WriteEmptyHint(context, "no usable salaries match", hint);
            }

            return 0;
        });
        return command;
    }

    public static Command Premiums(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md", "csv");
        var filters = new FilterOptions();
        var taxonomy = SkillsCommands.TaxonomyOption();
        var minN = new Option<int>("--min-n")
        {
            Description = "Report a skill only when at least this many records name it and this many do not",
            DefaultValueFactory = _ => 30,
        };
        var skills = new Option<string[]>("--skills")
        {
            Description = "Skills (ids or names) and groups (category:llm-genai) to test; default: every skill and category",
            AllowMultipleArgumentsPerToken = true,
        };
        var includeEstimates = IncludeEstimates();
        var command = new Command("premiums",
            "Skill pay premiums: log salary on the skill with role, seniority, country and year fixed effects (postings, or --kind salary_report: surveys that list tools)");
        foreach (var option in (Option[])[db, format, taxonomy, minN, skills, includeEstimates])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Read(result);
            if (filter.Kinds.Count > 1)
            {
                throw new CliError("premiums are fitted on one kind at a time: give --kind posting (the default) or --kind salary_report");
            }

            if (result.GetValue(minN) < 2)
            {
                throw new CliError("--min-n must be at least 2");
            }

            var loaded = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            var tests = ResolveSkills(loaded, Split(result.GetValue(skills)));
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            filter = FilterOptions.MatchSources(filter, store);
            var options = new PremiumOptions { MinObservations = result.GetValue(minN), ExcludeEstimates = !result.GetValue(includeEstimates), Skills = tests };
            SalaryRenderer.Write(context, SalaryPremiums.Report(store, loaded, filter, options), result.GetValue(format)!);
            return 0;
        });
        return command;
    }

    private static Command Estimate(CliContext context)
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.OutputFormat("table", "json", "md");
        var taxonomy = SkillsCommands.TaxonomyOption();
        var role = new Option<string>("--role") { Description = "Role id, e.g. ml_engineer", Required = true };
        var seniority = new Option<string>("--seniority") { Description = "intern|junior|mid|senior|lead|executive", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code, e.g. US" };
        var metro = new Option<string?>("--metro") { Description = "Metro area, e.g. \"SF Bay Area\", London (implies its country)" };
        var skills = new Option<string[]>("--skills")
        {
            Description = "Skills (ids or names) and groups (category:llm-genai) whose premiums apply (comma-separate)",
            AllowMultipleArgumentsPerToken = true,
        };
        var kind = new Option<string?>("--kind") { Description = "Where pay cells come from: salary_report (default when stored) or posting" };
        kind.AcceptOnlyFromAmong(RecordKinds.Posting, RecordKinds.SalaryReport);
        var minCell = MinCell();
        var includeEstimates = IncludeEstimates();
        var command = new Command("estimate",
            "Median and P25-P75 pay for a role, level and place (and skills), with the cells, fallbacks and premiums used and their n");
        foreach (var option in (Option[])[db, format, taxonomy, role, seniority, country, metro, skills, kind, minCell, includeEstimates])
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var metroName = result.GetValue(metro) is { } m ? CanonicalMetro(m) : null;
            if (result.GetValue(country) is not null && metroName is not null)
            {
                throw new CliError("give --country or --metro, not both (a metro implies its country)");
            }

            var loaded = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            var request = new EstimateRequest(result.GetValue(role)!, result.GetValue(seniority)!, result.GetValue(country)?.Trim().ToUpperInvariant(),
                metroName, ResolveSkills(loaded, Split(result.GetValue(skills))) ?? [])
            {
                Kind = result.GetValue(kind),
                ExcludeEstimates = !result.GetValue(includeEstimates),
            };
            if (request.Validate() is { } problem)
            {
                throw new CliError(problem);
            }

            if (result.GetValue(minCell) < 1)
            {
                throw new CliError("--min-cell must be at least 1");
            }

            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            SalaryRenderer.Write(context, SalaryEstimator.Estimate(store, loaded, request, result.GetValue(minCell)), result.GetValue(format)!);
            return 0;
        });
        return command;
    }

    private static Option<int> MinCell() => new("--min-cell")
    {
        Description = "Cells with fewer salaries are shown as \"insufficient data\", never as a figure",
        DefaultValueFactory = _ => 10,
    };

    private static Option<bool> IncludeEstimates() => new("--include-estimates")
    {
        Description = "Add salaries a board estimated (Glassdoor est., Adzuna predicted), counted apart; left out by default",
    };

    private static void KindOf(RecordFilter filter)
    {
        if (SalaryAnalysis.KindOf(filter, out var problem) is null)
        {
            throw new CliError(problem!);
        }
    }

    private static string[] Split(string[]? values) =>
        (values ?? [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static string[]? ResolveSkills(Skills.SkillTaxonomy taxonomy, string[] names)
    {
        if (names.Length == 0)
        {
            return null;
        }

        return names.Select(name => SalaryPremiums.Resolve(taxonomy, name)
            ?? throw new CliError($"--skills '{name}' is not a skill or category:SLUG of the taxonomy; see 'skillscope skills list'")).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string CanonicalMetro(string name) =>
        SalaryDimensions.MetroNames.FirstOrDefault(m => string.Equals(m, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new CliError($"--metro '{name}' is not a metro SkillScope reports; use one of: {string.Join(", ", SalaryDimensions.MetroNames)}");
}
