using System.Text.RegularExpressions;
using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

public class SkillTaxonomyTests
{
    /// <summary>Every skill named in shared/docs/domain.md ("Skills named in the source articles"), as written there.</summary>
    public static readonly TheoryData<string> DomainSkills =
    [
        "Python", "SQL", "R", "Scala", "Java", "C++", "Go", "Linux", "Git", "statistics", "probability", "linear algebra",
        "calculus", "machine learning", "deep learning", "supervised learning", "unsupervised learning", "reinforcement learning",
        "regression", "classification", "clustering", "NLP", "computer vision", "time series", "recommendation systems",
        "feature engineering", "hyperparameter tuning", "cross-validation", "A/B testing", "causal inference", "hypothesis testing",
        "pandas", "NumPy", "scikit-learn", "XGBoost", "PyTorch", "TensorFlow", "Keras", "Hugging Face Transformers", "CNN", "RNN",
        "Transformers", "LLMs", "generative AI", "RAG", "prompt engineering", "fine-tuning", "LoRA", "QLoRA", "PEFT", "LangChain",
        "LangGraph", "AutoGPT", "AI agents", "vLLM", "TGI", "Triton Inference Server", "ONNX", "TensorRT", "Core ML", "quantization",
        "pruning", "distillation", "MLOps", "MLflow", "Kubeflow", "Weights & Biases", "Airflow", "Prefect", "Dagster", "Seldon", "Ray",
        "Spark", "dbt", "Feast", "Tecton", "Evidently", "WhyLabs", "Docker", "Kubernetes", "Terraform", "Pulumi", "CI/CD", "AWS",
        "AWS SageMaker", "GCP", "Vertex AI", "Azure", "Azure ML", "FastAPI", "Flask", "Jupyter", "Matplotlib", "Seaborn", "Plotly",
        "Tableau", "Looker", "SHAP", "LIME", "explainable AI", "AI ethics", "fairness / bias auditing", "Databricks",
        "AWS Certified Machine Learning - Specialty", "Google Professional Machine Learning Engineer", "Azure AI Engineer Associate",
        "TensorFlow Developer Certificate", "Databricks ML Associate",
    ];

    private static readonly SkillTaxonomy Taxonomy = SkillTaxonomy.Default;

    [Fact]
    public void Ships_at_least_500_skills() => Assert.True(Taxonomy.Skills.Count >= 500, $"{Taxonomy.Skills.Count} skills");

    [Theory]
    [MemberData(nameof(DomainSkills))]
    public void Every_skill_named_in_the_domain_vocabulary_is_in_the_taxonomy(string name) =>
        Assert.NotNull(Taxonomy.Resolve(name));

    [Theory]
    [MemberData(nameof(DomainSkills))]
    public void Every_skill_named_in_the_domain_vocabulary_is_found_in_a_sentence(string name)
    {
        var mentions = SkillExtractor.Default.Extract($"Experience with Python and {name} is required.");
        var expected = Taxonomy.Resolve(name)!.Id;
        Assert.Contains(mentions, m => m.SkillId == expected && m.Surface == name);
    }

    [Fact]
    public void Ids_are_unique_lowercase_slugs()
    {
        Assert.All(Taxonomy.Skills, s => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), s.Id));
        Assert.Equal(Taxonomy.Skills.Count, Taxonomy.Skills.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void Categories_and_types_come_from_the_documented_sets()
    {
        Assert.All(Taxonomy.Skills, s => Assert.Contains(s.Category, SkillCategories.All));
        Assert.All(Taxonomy.Skills, s => Assert.Contains(s.Type, SkillTypes.All));
        Assert.All(Taxonomy.Skills.Where(s => s.Category == SkillCategories.SoftSkill), s => Assert.Equal(SkillTypes.Soft, s.Type));
        Assert.All(Taxonomy.Skills.Where(s => s.Category == SkillCategories.Certification), s => Assert.Equal(SkillTypes.Certification, s.Type));
        Assert.All(SkillCategories.All, c => Assert.Contains(Taxonomy.Skills, s => s.Category == c));
    }

    [Fact]
    public void Parents_exist_and_never_loop()
    {
        foreach (var skill in Taxonomy.Skills)
        {
            var seen = new HashSet<string> { skill.Id };
            for (var p = skill.Parent; p is not null; p = Taxonomy.Find(p)!.Parent)
            {
                Assert.NotNull(Taxonomy.Find(p));
                Assert.True(seen.Add(p), $"{skill.Id}: parent loop through {p}");
            }
        }
    }

    [Fact]
    public void LoRA_is_learned_after_fine_tuning_which_is_learned_after_LLMs()
    {
        Assert.Equal("fine-tuning", Taxonomy.Find("lora")!.Parent);
        Assert.Equal("llms", Taxonomy.Find("fine-tuning")!.Parent);
        Assert.Equal("lora", Taxonomy.Find("qlora")!.Parent);
    }

    [Fact]
    public void Every_surface_form_can_match_and_belongs_to_one_skill()
    {
        Assert.Empty(SkillExtractor.Default.Patterns.SkippedForms);
        var owners = new Dictionary<string, string>();
        foreach (var skill in Taxonomy.Skills)
        {
            foreach (var form in skill.Aliases.Prepend(skill.Name))
            {
                var tokens = SkillPatterns.Tokenize(form)!;
                var key = skill.CaseSensitive.Contains(form) ? "=" + string.Join(' ', tokens) : string.Join(' ', tokens).ToLowerInvariant();
                if (owners.TryGetValue(key, out var owner))
                {
                    Assert.True(owner == skill.Id, $"'{form}' belongs to both {owner} and {skill.Id}");
                }

                owners[key] = skill.Id;
            }
        }
    }

    [Fact]
    public void Case_sensitive_and_contextual_forms_are_among_the_name_and_aliases()
    {
        foreach (var skill in Taxonomy.Skills)
        {
            var forms = skill.Aliases.Prepend(skill.Name).ToHashSet();
            Assert.All(skill.CaseSensitive.Concat(skill.Contextual), f => Assert.Contains(f, forms));
        }
    }

    [SharedDataFact(SharedData.Esco)]
    public void ESCO_labels_are_labels_ESCO_publishes()
    {
        var labels = SharedData.ReadCsv(SharedData.Esco).Select(r => r["preferredLabel"]).ToHashSet();
        var mapped = Taxonomy.Skills.Where(s => s.EscoLabel is not null).ToList();
        Assert.True(mapped.Count >= 100, $"{mapped.Count} skills with an ESCO label");
        Assert.All(mapped, s => Assert.Contains(s.EscoLabel!, labels));
    }

    [SharedDataFact(SharedData.Onet)]
    public void ONET_examples_are_examples_ONET_publishes()
    {
        var examples = File.ReadLines(SharedData.PathOf(SharedData.Onet)!).Skip(1).Select(l => l.Split('\t')[1]).ToHashSet();
        var mapped = Taxonomy.Skills.Where(s => s.OnetExample is not null).ToList();
        Assert.True(mapped.Count >= 200, $"{mapped.Count} skills with an O*NET example");
        Assert.All(mapped, s => Assert.Contains(s.OnetExample!, examples));
    }

    [Fact]
    public void Resolve_finds_skills_by_id_name_or_alias_ignoring_case()
    {
        Assert.Equal("postgresql", Taxonomy.Resolve("postgres")?.Id);
        Assert.Equal("scikit-learn", Taxonomy.Resolve("SKLEARN")?.Id);
        Assert.Equal("aws-sagemaker", Taxonomy.Resolve("aws-sagemaker")?.Id);
        Assert.Null(Taxonomy.Resolve("underwater basket weaving"));
    }

    [Fact]
    public void A_user_file_overrides_entries_by_id_and_adds_new_ones()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {
                  "skills": [
                    { "id": "python", "name": "Python", "category": "programming-language", "type": "hard", "aliases": ["snakelang"] },
                    { "id": "acme-forecaster", "name": "Acme Forecaster", "category": "library-framework", "type": "hard", "parent": "forecasting", "aliases": ["AcmeCast"] }
                  ]
                }
                """);
            var taxonomy = SkillTaxonomy.Load(file);

            Assert.Equal(SkillTaxonomy.Default.Skills.Count + 1, taxonomy.Skills.Count);
            Assert.Equal(["snakelang"], taxonomy.Find("python")!.Aliases);
            Assert.Equal("forecasting", taxonomy.Find("acme-forecaster")!.Parent);
            Assert.StartsWith(SkillTaxonomy.Default.Version + "+user.", taxonomy.Version, StringComparison.Ordinal);

            var mentions = new SkillExtractor(taxonomy).Extract("We use SnakeLang and AcmeCast; Python 3 is gone.");
            Assert.Equal(["python", "acme-forecaster", "python"], mentions.Select(m => m.SkillId));
            Assert.DoesNotContain(mentions, m => m.Surface == "Python 3");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_invalid_user_file_is_reported_with_every_problem()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "skills": [ { "id": "Bad Id", "name": "", "category": "x" }, { "id": "ok", "name": "Ok", "category": "ml-method", "parent": "nowhere" } ] }""");

            Assert.False(SkillTaxonomy.TryLoad(file, out var taxonomy, out var errors));
            Assert.Null(taxonomy);
            Assert.Contains(errors, e => e.Contains("\"id\" must be a lowercase slug", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("\"name\" is required", StringComparison.Ordinal));
            var exception = Assert.Throws<InvalidDataException>(() => SkillTaxonomy.Load(file));
            Assert.Contains("nowhere", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_user_file_is_reported_not_thrown()
    {
        Assert.False(SkillTaxonomy.TryLoad("/nonexistent/taxonomy.json", out _, out var errors));
        Assert.Single(errors);
    }
}
