using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SkillScope.Skills;
using SkillScope.Cli.Rendering;
using Spectre.Console;

namespace SkillScope.Cli.Commands;

/// <summary>`skillscope skills ...`: find skills in text and browse the taxonomy.</summary>
internal static class SkillsCommands
{
    /// <summary>The `skills` command; more subcommands (e.g. `reindex`) can be added to it.</summary>
    public static Command Create(CliContext? context = null)
    {
        var skills = new Command("skills", "Skill taxonomy and extraction");
        skills.Subcommands.Add(CreateExtract(context?.Columns));
        skills.Subcommands.Add(CreateList(context?.Columns));
        return skills;
    }

    /// <summary>`--taxonomy FILE`: a user file merged over the shipped taxonomy (shared with `eval skills`).</summary>
    internal static Option<string?> TaxonomyOption() => new("--taxonomy")
    {
        Description = "A JSON file in the format of data/taxonomy/skills.json whose entries add to or replace shipped skills (same id = replace)",
    };

    internal static Option<string> FormatOption() => new Option<string>("--format")
    {
        Description = "Output format: table or json",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    /// <summary>The shipped taxonomy merged with the user's file; an invalid file is a one-line error listing its problems.</summary>
    internal static SkillTaxonomy LoadTaxonomy(string? userFile) =>
        SkillTaxonomy.TryLoad(userFile, out var taxonomy, out var errors)
            ? taxonomy!
            : throw new CliError($"{userFile}: invalid skill taxonomy: {string.Join("; ", errors)}");

    private static Command CreateExtract(int? columns)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Text files or folders to read ('-' or nothing reads standard input); several files, a folder or --jsonl give one JSON line per input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string?>("--format")
        {
            Description = "Output format: table or json for one text (default table); jsonl (one line per input, the default for several inputs)",
        }.AcceptOnlyFromAmong("table", "json", "jsonl");
        var jsonl = new Option<bool>("--jsonl")
        {
            Description = "The input is JSON Lines: each line a string or an object with \"text\" (or \"title\" and \"description\") and optional \"id\" and \"company\"",
        };
        var employer = new Option<string?>("--employer") { Description = "The employer's name: its mentions never count (one text only; JSON Lines inputs carry their own \"company\")" };
        var context = new Option<bool>("--include-context") { Description = "Also count skills named only in the company description, benefits or legal text" };
        var taxonomyOption = TaxonomyOption();
        var command = new Command("extract", "Print the skills found in texts (postings, resumes, ...): mentions with section and strength, ESCO and O*NET ids");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(jsonl);
        command.Options.Add(employer);
        command.Options.Add(context);
        command.Options.Add(taxonomyOption);
        command.SetAction(parseResult =>
        {
            var taxonomy = LoadTaxonomy(parseResult.GetValue(taxonomyOption));
            var extractor = new SkillExtractor(taxonomy);
            var paths = parseResult.GetValue(files) ?? [];
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var includeContext = parseResult.GetValue(context);
            var chosen = parseResult.GetValue(format);
            var batch = parseResult.GetValue(jsonl) || paths.Length > 1 || paths.Any(Directory.Exists) || chosen == "jsonl";
            if (batch)
            {
                if (chosen is "table" or "json")
                {
                    throw new CliError($"--format {chosen} shows one text; several files, a folder or --jsonl write JSON Lines (--format jsonl)");
                }

                return BatchExtract.Run(paths, parseResult.GetValue(jsonl), extractor, includeContext, output, error);
            }

            var path = paths.Length == 0 ? null : paths[0];
            string text;
            try
            {
                text = path is null or "-" ? System.Console.In.ReadToEnd() : File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"Cannot read {path}: {e.Message}");
                return 1;
            }

            var mentions = extractor.Extract(text, parseResult.GetValue(employer));
            if (chosen == "json")
            {
                WriteMentionsJson(output, taxonomy, mentions);
                return 0;
            }

            // Narrow terminals leave out, in this order: the ESCO / O*NET ids, End, Start, the skill id (--format json has them all).
            var table = new FitTable { Empty = "(no skills found)" }.Token("Skill", drop: 4).Text("Name").Number("Start", drop: 3).Number("End", drop: 2)
                .Text("Surface").Token("Strength").Text("Section").Text("ESCO / O*NET", drop: 1);
            foreach (var m in mentions)
            {
                var skill = taxonomy.Find(m.SkillId);
                var section = m.Exclusion ?? (m.Counts ? m.Section : m.Section + " (context)");
                table.Add(m.SkillId, skill?.Name ?? "", m.Start.ToString(CultureInfo.InvariantCulture),
                    m.End.ToString(CultureInfo.InvariantCulture), m.Surface.ReplaceLineEndings(" "), m.Strength, section, Ids(skill));
            }

            var console = Consoles.For(output, columns);
            console.Write(table);
            var distinct = SkillExtractor.Distinct(mentions, includeContext);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mentions.Count} mentions of {distinct.Count} skills ({distinct.Count(d => d.Strength == SkillStrengths.Required)} required, {distinct.Count(d => d.Strength == SkillStrengths.Preferred)} preferred); {mentions.Count(m => !m.Counts)} context mentions not counted; taxonomy {taxonomy.Version}"));
            return 0;
        });
        return command;
    }

    private static string Ids(Skill? skill) =>
        skill is null ? "" : string.Join(" ", new[] { skill.EscoUri ?? (skill.EscoLabel is null ? null : "esco:" + skill.EscoLabel), skill.OnetCode is null ? null : "onet:" + skill.OnetCode }.Where(x => x is not null));

    private static Command CreateList(int? columns)
    {
        var category = new Option<string?>("--category") { Description = "Only skills of this category (e.g. " + SkillCategories.LlmGenAi + ")" };
        var format = FormatOption();
        var taxonomyOption = TaxonomyOption();
        var command = new Command("list", "Browse the skill taxonomy");
        command.Options.Add(category);
        command.Options.Add(format);
        command.Options.Add(taxonomyOption);
        command.SetAction(parseResult =>
        {
            var taxonomy = LoadTaxonomy(parseResult.GetValue(taxonomyOption));

            var wanted = parseResult.GetValue(category);
            var skills = taxonomy.Skills.Where(s => wanted is null || string.Equals(s.Category, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            var output = parseResult.InvocationConfiguration.Output;
            if (wanted is not null && skills.Count == 0)
            {
                var known = taxonomy.Skills.Select(s => s.Category).Distinct(StringComparer.Ordinal);
                parseResult.InvocationConfiguration.Error.WriteLine($"No skills in category '{wanted}'. Categories: {string.Join(", ", known)}");
                return 1;
            }

            if (parseResult.GetValue(format) == "json")
            {
                WriteSkillsJson(output, skills);
                return 0;
            }

            // Narrow terminals leave out, in this order: Parent, Type, Aliases (--format json has them all).
            var table = new FitTable().Token("Id").Text("Name").Token("Category").Token("Type", drop: 2).Token("Parent", drop: 1).Text("Aliases", drop: 3);
            foreach (var s in skills)
            {
                table.Add(s.Id, s.Name, s.Category, s.Type, s.Parent ?? "", string.Join(", ", s.Aliases));
            }

            var console = Consoles.For(output, columns);
            console.Write(table);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{skills.Count} skills; taxonomy {taxonomy.Version}"));
            return 0;
        });
        return command;
    }

    private static void WriteMentionsJson(TextWriter output, SkillTaxonomy taxonomy, IReadOnlyList<SkillMention> mentions)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var m in mentions)
            {
                json.WriteStartObject();
                json.WriteString("skill", m.SkillId);
                json.WriteString("name", taxonomy.Find(m.SkillId)?.Name);
                json.WriteNumber("start", m.Start);
                json.WriteNumber("end", m.End);
                json.WriteString("surface", m.Surface);
                json.WriteString("strength", m.Strength);
                json.WriteString("section", m.Section);
                json.WriteBoolean("counts", m.Counts);
                if (m.Exclusion is not null)
                {
                    json.WriteString("exclusion", m.Exclusion);
                }

                WriteIds(json, taxonomy.Find(m.SkillId));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The skill's ESCO and O*NET identifiers: label and concept URI, example and commodity code, hot / in-demand flags.</summary>
    internal static void WriteIds(Utf8JsonWriter json, Skill? skill)
    {
        json.WriteString("esco", skill?.EscoLabel);
        json.WriteString("escoUri", skill?.EscoUri);
        json.WriteString("onet", skill?.OnetExample);
        json.WriteString("onetCode", skill?.OnetCode);
        if (skill is { OnetHot: true })
        {
            json.WriteBoolean("onetHot", true);
        }

        if (skill is { OnetInDemand: true })
        {
            json.WriteBoolean("onetInDemand", true);
        }
    }

    private static void WriteSkillsJson(TextWriter output, List<Skill> skills)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var s in skills)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("name", s.Name);
                json.WriteString("category", s.Category);
                json.WriteString("type", s.Type);
                json.WriteString("parent", s.Parent);
                json.WriteStartArray("aliases");
                foreach (var alias in s.Aliases)
                {
                    json.WriteStringValue(alias);
                }

                json.WriteEndArray();
                WriteIds(json, s);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
