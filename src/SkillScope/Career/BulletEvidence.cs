using SkillScope.Skills;

namespace SkillScope.Career;

/// <summary>
/// Skills a resume shows through what its bullets say was done rather than by name: a verb and, within a few words
/// after it, an object that together imply the skill ("Deployed models on SageMaker" shows model deployment, "Ran A/B
/// tests" shows A/B testing). Editorial rules, each a verb stem, object words and the skill they imply
/// (docs/resume-score.md, "Evidence from bullets").
/// </summary>
public static class BulletEvidence
{
    /// <summary>How many words after the verb the object may come ("Deployed 14 demand-forecasting models").</summary>
    public const int Window = 6;

    /// <summary>One rule: any verb starting with one of <paramref name="Verbs"/>, then one of <paramref name="Objects"/> (whole words).</summary>
    public sealed record Rule(string Skill, IReadOnlyList<string> Verbs, IReadOnlyList<string> Objects);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("model-deployment", ["deploy", "productioniz", "productionis", "productiz", "ship", "launch", "rolled", "released"], ["model", "models", "classifier", "classifiers"]),
        new("model-serving", ["serv"], ["predictions", "prediction", "inference", "model", "models"]),
        new("model-monitoring", ["monitor"], ["model", "models", "drift", "predictions"]),
        new("deep-learning", ["train", "built", "build", "develop", "design", "implement"], ["neural", "cnn", "cnns", "lstm", "lstms", "rnn", "rnns", "transformer", "transformers"]),
        new("fine-tuning", ["fine-tun", "finetun"], ["model", "models", "llm", "llms", "bert", "gpt", "transformer", "transformers", "llama"]),
        new("data-pipelines", ["built", "build", "design", "develop", "maintain", "wrote", "automat", "own", "rebuilt", "migrat"], ["pipeline", "pipelines"]),
        new("dashboards", ["built", "build", "design", "develop", "creat", "maintain", "publish"], ["dashboard", "dashboards"]),
        new("ab-testing", ["ran", "run", "design", "conduct", "analy", "launch", "led"], ["a/b", "ab", "split"]),
        new("experimental-design", ["design", "ran", "run", "conduct", "plan"], ["experiment", "experiments", "trials"]),
        new("forecasting", ["forecast", "predict", "built", "develop", "train"], ["forecast", "forecasts", "forecasting", "demand"]),
        new("recommendation-systems", ["built", "build", "develop", "design", "train", "improv", "launch"], ["recommender", "recommenders", "recommendation", "recommendations"]),
        new("containerization", ["containeriz", "containeris", "dockeriz", "dockeris"], []),
        new("experiment-tracking", ["track", "log"], ["experiment", "experiments", "runs"]),
        new("api-development", ["built", "build", "design", "develop", "wrote", "expos", "implement", "creat"], ["api", "apis", "endpoint", "endpoints"]),
        new("unit-testing", ["wrote", "writ", "add", "rais", "increas", "improv"], ["unit", "tests", "coverage"]),
        new("web-scraping", ["scrap", "crawl"], ["web", "websites", "sites", "pages", "data"]),
        new("feature-engineering", ["engineer", "built", "design", "creat", "develop"], ["features", "feature"]),
        new("hyperparameter-tuning", ["tun", "optimiz", "search"], ["hyperparameter", "hyperparameters"]),
        new("data-wrangling", ["clean", "wrangl", "munged", "prepar"], ["data", "datasets", "dataset", "records"]),
        new("code-review", ["review", "introduc", "led", "ran"], ["code"]),
        new("etl", ["built", "build", "design", "develop", "maintain", "wrote", "automat"], ["etl", "elt", "ingestion"]),
    ];

    /// <summary>The first bullet that shows each skill the rules find, for skills whose id the taxonomy knows.</summary>
    public static IReadOnlyList<(string Skill, string Bullet)> Find(IReadOnlyList<string> bullets, SkillTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(bullets);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var found = new List<(string Skill, string Bullet)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var bullet in bullets)
        {
            var words = Words(bullet);
            foreach (var rule in Rules)
            {
                if (!seen.Contains(rule.Skill) && taxonomy.Find(rule.Skill) is not null && Matches(rule, words))
                {
                    seen.Add(rule.Skill);
                    found.Add((rule.Skill, bullet));
                }
            }
        }

        return found;
    }

    /// <summary>Whether a bullet shows the rule's skill: a verb of the rule, then one of its objects within <see cref="Window"/> words.</summary>
    public static bool Matches(Rule rule, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(words);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!rule.Verbs.Any(v => IsVerb(word, v)))
            {
                continue;
            }

            if (rule.Objects.Count == 0)
            {
                return true;
            }

            for (var j = i + 1; j < words.Count && j <= i + Window; j++)
            {
                if (rule.Objects.Contains(words[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] s_shortStemEndings = ["", "s", "e", "es", "d", "ed", "ing", "ned", "ning", "ged"];

    /// <summary>A word of the verb: long stems match any ending ("deploy" in "deployed"), short ones only a verb ending ("ran" is not "ranked").</summary>
    private static bool IsVerb(string word, string stem) =>
        word.StartsWith(stem, StringComparison.Ordinal)
        && (stem.Length > 4 || s_shortStemEndings.Contains(word[stem.Length..], StringComparer.Ordinal))
        && !s_nounEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal) && word.Length > stem.Length + 1);

    /// <summary>"deployment", "designer", "server", "migration": nouns of the verb are not the deed.</summary>
    private static readonly string[] s_nounEndings = ["ment", "ments", "er", "ers", "ion", "ions"];

    /// <summary>Lower-case words; hyphenated words are kept whole and also split ("demand-forecasting" gives "demand", "forecasting").</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        foreach (var raw in text.ToLowerInvariant().Split([' ', ',', ';', ':', '(', ')', '.', '"', '\t', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('\'', '*', '_', '`');
            if (word.Length == 0)
            {
                continue;
            }

            if (word.Contains('-', StringComparison.Ordinal) && !word.StartsWith("fine-", StringComparison.Ordinal))
            {
                words.AddRange(word.Split('-', StringSplitOptions.RemoveEmptyEntries));
            }
            else
            {
                words.Add(word);
            }
        }

        return words;
    }
}
