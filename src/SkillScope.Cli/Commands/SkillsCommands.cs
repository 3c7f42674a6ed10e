using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SkillScope.Skills;
using SkillScope.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SkillScope.Cli.Commands;

/// <summary>`skillscope skills ...`: find skills in text and browse the taxonomy.</summary>
internal static class SkillsCommands
{
    /// <summary>The `skills` command; more subcommands (e.g. `reindex`) can be added to it.</summary>
    public static Command Create()
    {
        var skills = new Command("skills", "Skill taxonomy and extraction");
        skills.Subcommands.Add(CreateExtract());
        skills.Subcommands.Add(CreateList());
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

    internal static IRenderable Cell(string? text) => new Text(text ?? "");

    private static Command CreateExtract()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "Text file to read; '-' or nothing reads standard input",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = FormatOption();
        var taxonomyOption = TaxonomyOption();
        var command = new Command("extract", "Print the skill mentions found in a text (posting, resume, ...)");
        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(taxonomyOption);
        command.SetAction(parseResult =>
        {
            var taxonomy = LoadTaxonomy(parseResult.GetValue(taxonomyOption));

            var path = parseResult.GetValue(file);
            string text;
            try
            {
                text = path is null or "-" ? System.Console.In.ReadToEnd() : File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Cannot read {path}: {e.Message}");
                return 1;
            }

            var mentions = new SkillExtractor(taxonomy).Extract(text);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == "json")
            {
                WriteMentionsJson(output, taxonomy, mentions);
                return 0;
            }

            var table = new Table().AddColumns("Skill", "Name", "Start", "End", "Surface", "Strength");
            foreach (var m in mentions)
            {
                table.AddRow(Cell(m.SkillId), Cell(taxonomy.Find(m.SkillId)?.Name), Cell(m.Start.ToString(CultureInfo.InvariantCulture)),
                    Cell(m.End.ToString(CultureInfo.InvariantCulture)), Cell(m.Surface), Cell(m.Strength));
            }

            var console = Consoles.For(output);
            console.Write(table);
            var distinct = SkillExtractor.Distinct(mentions);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mentions.Count} mentions of {distinct.Count} skills ({distinct.Count(d => d.Strength == SkillStrengths.Required)} required, {distinct.Count(d => d.Strength == SkillStrengths.Preferred)} preferred); taxonomy {taxonomy.Version}"));
            return 0;
        });
        return command;
    }

    private static Command CreateList()
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

            var table = new Table().AddColumns("Id", "Name", "Category", "Type", "Parent", "Aliases");
            foreach (var s in skills)
            {
                table.AddRow(Cell(s.Id), Cell(s.Name), Cell(s.Category), Cell(s.Type), Cell(s.Parent), Cell(string.Join(", ", s.Aliases)));
            }

            var console = Consoles.For(output);
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
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
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
                json.WriteString("esco", s.EscoLabel);
                json.WriteString("onet", s.OnetExample);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
