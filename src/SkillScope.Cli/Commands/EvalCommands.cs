using SkillScope.Cli.Rendering;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SkillScope.Skills;
using Spectre.Console;

namespace SkillScope.Cli.Commands;

/// <summary>`skillscope eval ...`: accuracy of SkillScope's stages against annotated data.</summary>
internal static class EvalCommands
{
    public static Command Create(CliContext? context = null)
    {
        var eval = new Command("eval", "Measure accuracy against annotated data sets");
        eval.Subcommands.Add(CreateSkills(context?.Columns));
        return eval;
    }

    private static Command CreateSkills(int? columns)
    {
        var conll = new Option<string?>("--conll") { Description = "A SkillSpan CoNLL file (token, skill BIO, knowledge BIO)" };
        var decorte = new Option<string?>("--decorte") { Description = "A Decorte et al. ESCO benchmark CSV file (sentence,span,sub_span,label)" };
        var top = new Option<int>("--top") { Description = "How many false positives and misses to list", DefaultValueFactory = _ => 15 };
        var format = SkillsCommands.FormatOption();
        var taxonomyOption = SkillsCommands.TaxonomyOption();
        var command = new Command("skills", "Score the skill extractor: precision (share of mentions overlapping a gold span), recall of gold knowledge spans, F1");
        command.Options.Add(conll);
        command.Options.Add(decorte);
        command.Options.Add(top);
        command.Options.Add(format);
        command.Options.Add(taxonomyOption);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(conll) is null) == (result.GetValue(decorte) is null))
            {
                result.AddError("Give exactly one of --conll FILE or --decorte FILE.");
            }
        });
        command.SetAction(parseResult =>
        {
            var taxonomy = SkillsCommands.LoadTaxonomy(parseResult.GetValue(taxonomyOption));

            var path = parseResult.GetValue(conll) ?? parseResult.GetValue(decorte)!;
            var extractor = new SkillExtractor(taxonomy);
            SkillEvaluationResult result;
            try
            {
                using var reader = new StreamReader(path);
                result = parseResult.GetValue(conll) is not null
                    ? SkillEvaluation.ScoreConll(extractor, reader, path, parseResult.GetValue(top))
                    : SkillEvaluation.ScoreDecorte(extractor, reader, path, parseResult.GetValue(top));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"Cannot read {path}: {e.Message}");
                return 1;
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == "json")
            {
                WriteJson(output, result, taxonomy.Version);
            }
            else
            {
                WriteTable(Consoles.For(output, columns), result, taxonomy.Version);
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(IAnsiConsole console, SkillEvaluationResult r, string version)
    {
        var scores = new FitTable().Text("Measure").Number("Value");
        scores.Add("sentences", r.Sentences.ToString(CultureInfo.InvariantCulture));
        scores.Add("mentions extracted", r.Extracted.ToString(CultureInfo.InvariantCulture));
        scores.Add("mentions overlapping a gold span", r.ExtractedCorrect.ToString(CultureInfo.InvariantCulture));
        scores.Add("gold spans (recall base)", r.Gold.ToString(CultureInfo.InvariantCulture));
        scores.Add("gold spans found", r.GoldFound.ToString(CultureInfo.InvariantCulture));
        scores.Add("precision", r.Precision.ToString("0.000", CultureInfo.InvariantCulture));
        scores.Add("recall", r.Recall.ToString("0.000", CultureInfo.InvariantCulture));
        scores.Add("F1", r.F1.ToString("0.000", CultureInfo.InvariantCulture));
        scores.Add("precision in sentences with a gold span", r.PrecisionInAnnotated.ToString("0.000", CultureInfo.InvariantCulture));
        console.Write(scores);

        var errors = new FitTable().Text("False positive").Number("Count").Text("Miss").Number("Count");
        for (var i = 0; i < Math.Max(r.FalsePositives.Count, r.Misses.Count); i++)
        {
            var fp = i < r.FalsePositives.Count ? r.FalsePositives[i] : null;
            var miss = i < r.Misses.Count ? r.Misses[i] : null;
            errors.Add(fp?.Text.ReplaceLineEndings(" ") ?? "", fp?.Count.ToString(CultureInfo.InvariantCulture) ?? "",
                miss?.Text.ReplaceLineEndings(" ") ?? "", miss?.Count.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        console.Write(errors);
        console.WriteLine($"{r.Source}; taxonomy {version}");
    }

    private static void WriteJson(TextWriter output, SkillEvaluationResult r, string version)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", r.Source);
            json.WriteString("taxonomy", version);
            json.WriteNumber("sentences", r.Sentences);
            json.WriteNumber("extracted", r.Extracted);
            json.WriteNumber("extractedCorrect", r.ExtractedCorrect);
            json.WriteNumber("gold", r.Gold);
            json.WriteNumber("goldFound", r.GoldFound);
            json.WriteNumber("precision", Math.Round(r.Precision, 4));
            json.WriteNumber("recall", Math.Round(r.Recall, 4));
            json.WriteNumber("f1", Math.Round(r.F1, 4));
            json.WriteNumber("precisionInAnnotatedSentences", Math.Round(r.PrecisionInAnnotated, 4));
            WriteCounts(json, "falsePositives", r.FalsePositives);
            WriteCounts(json, "misses", r.Misses);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<SkillEvaluationCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var c in counts)
        {
            json.WriteStartObject();
            json.WriteString("text", c.Text);
            json.WriteNumber("count", c.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
