using System.Globalization;
using SkillScope.Skills;
using Xunit.Abstractions;

namespace SkillScope.Tests.Skills;

/// <summary>
/// Measures each widening of the taxonomy (docs/taxonomy.md): set SKILLSCOPE_TAXONOMY_VARIANTS to taxonomy files
/// written by <c>tools/taxonomy/build_taxonomy.py --out</c> (separated by ':'), and the test prints SkillSpan, Decorte
/// and labelled-set figures for each, next to the shipped taxonomy.
/// </summary>
public class TaxonomyWideningTests(ITestOutputHelper output)
{
    private const string Variable = "SKILLSCOPE_TAXONOMY_VARIANTS";

    [MeasurementFact(Variable)]
    public void Each_taxonomy_variant_is_measured_on_the_same_files()
    {
        var variants = Environment.GetEnvironmentVariable(Variable)!.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Extractor: new SkillExtractor(SkillTaxonomy.FromJson(File.ReadAllText(p)))))
            .Append(("shipped", SkillExtractor.Default));
        var postings = LabelledPostings.Load();
        foreach (var (name, extractor) in variants)
        {
            foreach (var file in new[] { SharedData.SkillSpanTechDev, "skillspan/skillspan_tech_train.conll", "skillspan/skillspan_house_dev.conll" })
            {
                using var reader = new StreamReader(SharedData.PathOf(file)!);
                var r = SkillEvaluation.ScoreConll(extractor, reader, file);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} ({extractor.Taxonomy.Skills.Count} skills) {Path.GetFileName(file)}: mentions {r.Extracted}, precision {r.Precision:F3}, recall {r.Recall:F3}; top false positives {string.Join(", ", r.FalsePositives.Take(12).Select(c => $"{c.Text} {c.Count}"))}"));
            }

            using (var reader = new StreamReader(SharedData.PathOf(SharedData.DecorteTech)!))
            {
                var r = SkillEvaluation.ScoreDecorte(extractor, reader, SharedData.DecorteTech);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} Decorte tech: precision {r.Precision:F3}, recall {r.Recall:F3}"));
            }

            foreach (var split in new[] { "dev", "holdout" })
            {
                var s = LabelledPostings.Score(postings.Where(p => p.Split == split), extractor);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} labelled {split}: recall {s.Recall:F3} ({s.Found}/{s.Labels}), precision {s.Precision:F3} ({s.Correct}/{s.Extracted}), strength {s.StrengthAccuracy:F3}"));
            }

            var all = LabelledPostings.Score(postings, extractor);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} labelled all: recall {all.Recall:F3} ({all.Found}/{all.Labels}), precision {all.Precision:F3} ({all.Correct}/{all.Extracted}), strength {all.StrengthAccuracy:F3}"));
            output.WriteLine($"{name} misses: " + string.Join(", ", all.Misses.GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
            output.WriteLine($"{name} false positives: " + string.Join(", ", all.FalsePositives.GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        }
    }
}

/// <summary>A measurement run on demand: skipped unless the environment variable is set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute(string variable)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"measurement only: set {variable}";
        }
    }
}
