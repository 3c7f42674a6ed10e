using System.Text.RegularExpressions;
using SkillScope.Model;

namespace SkillScope.Normalize;

/// <summary>
/// Maps a job title to a role id (<see cref="Roles"/>). The title decides; the description is read
/// only when the title alone cannot (a bare "Engineer" or "Scientist", or a research title with no
/// AI / data word). Rules and the mapping of common titles: docs/normalization.md.
/// </summary>
public static partial class RoleClassifier
{
    /// <summary>Returns a <see cref="Roles"/> id; <see cref="Roles.Other"/> when the title says nothing the rules know.</summary>
    public static string Classify(string? title, string? description = null)
    {
        if (description is null && title is not null)
        {
            return ByTitle.GetOrAdd(title, static t => Decide(t, null));
        }

        return Decide(title, description);
    }

    private static readonly MemoCache<string, string> ByTitle = new(capacity: 50_000);

    private static string Decide(string? title, string? description)
    {
        string t = TitleText.Normalize(title);
        if (t.Length <= 1)
        {
            return Roles.Other;
        }

        TitleFacts facts = Read(t);
        if (facts.Has(Kind.Governance))
        {
            return Roles.AiGovernance;
        }

        if (facts.Has(Kind.NotTheRole))
        {
            return Roles.Other;
        }

        bool aiOrData = facts.Has(Kind.AiOrData);
        if (facts.Has(Kind.ProductManagement))
        {
            return aiOrData ? Roles.AiProductManager : Roles.Other;
        }

        if (facts.Head is { } rule)
        {
            if (rule.Role == Roles.ResearchScientist && rule.Context != ResearchContext.None && !aiOrData)
            {
                // "Research Scientist - Neuroscience": only an AI / ML research title when the text says so.
                bool fromDescription = description is not null && MlCue().IsMatch(description);
                bool allowedWithoutText = rule.Context == ResearchContext.TitleOrAbsentText && description is null;
                return fromDescription || allowedWithoutText ? Roles.ResearchScientist : Roles.Other;
            }

            return rule.Role;
        }

        for (int i = 0; i < Modifiers.Length; i++)
        {
            if ((facts.Modifiers & (1 << i)) != 0)
            {
                return Modifiers[i].Role;
            }
        }

        if (facts.Has(Kind.DataWord))
        {
            if (facts.Has(Kind.Analyst))
            {
                return Roles.DataAnalyst;
            }

            if (facts.Has(Kind.DataEngineeringNoun))
            {
                return Roles.DataEngineer;
            }

            if (facts.Has(Kind.DataAnalysisNoun))
            {
                return Roles.DataAnalyst;
            }
        }

        return description is null ? Roles.Other : FromDescription(t, description);
    }

    /// <summary>Where a research title without AI words stands: needs text that mentions ML, or may also stand alone.</summary>
    private enum ResearchContext
    {
        None,
        TitleOrAbsentText,
        TitleOrText,
    }

    [Flags]
    private enum Kind
    {
        None = 0,
        Governance = 1,
        NotTheRole = 2,
        ProductManagement = 4,
        AiOrData = 8,
        Head = 16,
        Modifier = 32,
        DataWord = 64,
        DataEngineeringNoun = 128,
        DataAnalysisNoun = 256,
        Analyst = 512,
    }

    private readonly record struct HeadRule(string Phrase, string Role, ResearchContext Context = ResearchContext.None);

    /// <summary>What one pass over the title found: phrase kinds, the earliest head phrase, modifier groups.</summary>
    private record struct TitleFacts(Kind Kinds, HeadRule? Head, int Modifiers)
    {
        public readonly bool Has(Kind kind) => (Kinds & kind) != 0;
    }

    private readonly record struct Entry(Kind Kind, HeadRule Head = default, int ModifierGroup = 0);

    private static TitleFacts Read(string t)
    {
        TitleFacts facts = default;
        foreach ((int _, Entry entry) in Index.In(t))
        {
            facts.Kinds |= entry.Kind;
            if (entry.Kind == Kind.Head)
            {
                // Matches come by position, the longer phrase first: the first head is the earliest and longest
                // ("Machine Learning Engineer / Data Scientist" is an ML engineer).
                facts.Head ??= entry.Head;
            }
            else if (entry.Kind == Kind.Modifier)
            {
                facts.Modifiers |= 1 << entry.ModifierGroup;
            }
        }

        return facts;
    }

    private static readonly string[] Governance =
    [
        " responsible ai ", " ai ethics ", " ai ethicist ", " ethical ai ", " ai governance ", " ai policy ",
        " ai risk ", " ai compliance ", " ai assurance ", " ai audit ", " ai auditor ", " model governance ", " ai regulation ",
    ];

    // Jobs that carry an AI or data word but are not that work: teaching it, selling it, hiring for it, labelling data for it.
    private static readonly string[] NotTheRole =
    [
        " recruiter ", " recruiting ", " recruitment ", " talent acquisition ", " sourcer ",
        " instructor ", " teacher ", " professor ", " lecturer ", " tutor ", " teaching ", " faculty ",
        " ai trainer ", " data trainer ", " annotator ", " data annotation ", " data labeling ", " data labeler ", " data entry ",
        " account executive ", " account manager ", " sales representative ", " sales development ", " sales executive ",
        " sales manager ", " sales director ", " business development ", " customer success ", " technical writer ",
    ];

    private static readonly string[] ProductManagement =
    [
        " product manager ", " product owner ", " product lead ", " product management ", " head of product ",
        " director of product ", " vp of product ", " vp product ", " product director ", " chief product officer ",
    ];

    private static readonly string[] AiOrDataWords =
    [
        " ai ", " machine learning ", " deep learning ", " data ", " analytics ", " llm ", " generative ai ", " nlp ",
        " computer vision ", " mlops ", " bi ", " data science ", " speech ", " perception ", " reinforcement learning ",
        " robotics ", " quantitative ", " statistical ", " statistics ", " algorithms ", " recommendation ", " personalization ",
    ];

    private static readonly HeadRule[] Heads =
    [
        // research_scientist
        new(" research scientist ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" research engineer ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" researcher ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" research science ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" research fellow ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" postdoctoral ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" postdoc ", Roles.ResearchScientist, ResearchContext.TitleOrAbsentText),
        new(" research associate ", Roles.ResearchScientist, ResearchContext.TitleOrText),
        new(" research assistant ", Roles.ResearchScientist, ResearchContext.TitleOrText),
        new(" applied scientist ", Roles.ResearchScientist),
        new(" machine learning scientist ", Roles.ResearchScientist),
        new(" ai scientist ", Roles.ResearchScientist),
        new(" deep learning scientist ", Roles.ResearchScientist),
        new(" nlp scientist ", Roles.ResearchScientist),
        new(" computer vision scientist ", Roles.ResearchScientist),
        new(" speech scientist ", Roles.ResearchScientist),
        new(" perception scientist ", Roles.ResearchScientist),

        // mlops_engineer
        new(" mlops ", Roles.MlopsEngineer),
        new(" llmops ", Roles.MlopsEngineer),
        new(" modelops ", Roles.MlopsEngineer),
        new(" model ops ", Roles.MlopsEngineer),
        new(" machine learning platform ", Roles.MlopsEngineer),
        new(" machine learning infrastructure ", Roles.MlopsEngineer),
        new(" machine learning infra ", Roles.MlopsEngineer),
        new(" machine learning systems ", Roles.MlopsEngineer),
        new(" machine learning devops ", Roles.MlopsEngineer),
        new(" machine learning reliability ", Roles.MlopsEngineer),
        new(" machine learning deployment ", Roles.MlopsEngineer),
        new(" machine learning serving ", Roles.MlopsEngineer),
        new(" model serving ", Roles.MlopsEngineer),
        new(" ai platform ", Roles.MlopsEngineer),
        new(" ai infrastructure ", Roles.MlopsEngineer),

        // data_scientist
        new(" data scientist ", Roles.DataScientist),
        new(" data science ", Roles.DataScientist),
        new(" decision scientist ", Roles.DataScientist),
        new(" statistician ", Roles.DataScientist),
        new(" biostatistician ", Roles.DataScientist),
        new(" bioinformatics scientist ", Roles.DataScientist),
        new(" bioinformatician ", Roles.DataScientist),
        new(" computational biologist ", Roles.DataScientist),
        new(" cientista de dados ", Roles.DataScientist),
        new(" ciencia de dados ", Roles.DataScientist),
        new(" ciencias de dados ", Roles.DataScientist),
        new(" cientifico de datos ", Roles.DataScientist),
        new(" cientifica de datos ", Roles.DataScientist),
        new(" ciencia de datos ", Roles.DataScientist),

        // ai_engineer (LLM / GenAI application work)
        new(" ai engineer ", Roles.AiEngineer),
        new(" ai engineering ", Roles.AiEngineer),
        new(" ai developer ", Roles.AiEngineer),
        new(" ai software engineer ", Roles.AiEngineer),
        new(" ai software development engineer ", Roles.AiEngineer),
        new(" ai software developer ", Roles.AiEngineer),
        new(" ai programmer ", Roles.AiEngineer),
        new(" ai architect ", Roles.AiEngineer),
        new(" ai solution architect ", Roles.AiEngineer),
        new(" ai solutions architect ", Roles.AiEngineer),
        new(" ai specialist ", Roles.AiEngineer),
        new(" prompt engineer ", Roles.AiEngineer),
        new(" prompt engineering ", Roles.AiEngineer),
        new(" llm engineer ", Roles.AiEngineer),
        new(" llm developer ", Roles.AiEngineer),
        new(" llm architect ", Roles.AiEngineer),
        new(" llm specialist ", Roles.AiEngineer),
        new(" generative ai engineer ", Roles.AiEngineer),
        new(" generative ai developer ", Roles.AiEngineer),
        new(" generative ai architect ", Roles.AiEngineer),
        new(" generative ai specialist ", Roles.AiEngineer),
        new(" chatbot developer ", Roles.AiEngineer),
        new(" chatbot engineer ", Roles.AiEngineer),
        new(" conversational ai ", Roles.AiEngineer),
        new(" ai agent ", Roles.AiEngineer),
        new(" agentic ", Roles.AiEngineer),

        // ml_engineer
        new(" machine learning engineer ", Roles.MlEngineer),
        new(" machine learning engineering ", Roles.MlEngineer),
        new(" machine learning developer ", Roles.MlEngineer),
        new(" machine learning software engineer ", Roles.MlEngineer),
        new(" machine learning specialist ", Roles.MlEngineer),
        new(" machine learning architect ", Roles.MlEngineer),
        new(" machine learning modeler ", Roles.MlEngineer),
        new(" machine learning lead ", Roles.MlEngineer),
        new(" machine learning manager ", Roles.MlEngineer),
        new(" machine learning programmer ", Roles.MlEngineer),
        new(" deep learning engineer ", Roles.MlEngineer),
        new(" deep learning developer ", Roles.MlEngineer),
        new(" computer vision engineer ", Roles.MlEngineer),
        new(" computer vision developer ", Roles.MlEngineer),
        new(" computer vision software engineer ", Roles.MlEngineer),
        new(" machine vision engineer ", Roles.MlEngineer),
        new(" nlp engineer ", Roles.MlEngineer),
        new(" nlp developer ", Roles.MlEngineer),
        new(" nlp specialist ", Roles.MlEngineer),
        new(" perception engineer ", Roles.MlEngineer),
        new(" speech recognition engineer ", Roles.MlEngineer),

        // data_engineer
        new(" data engineer ", Roles.DataEngineer),
        new(" data engineering ", Roles.DataEngineer),
        new(" analytics engineer ", Roles.DataEngineer),
        new(" analytics engineering ", Roles.DataEngineer),
        new(" data analytics engineer ", Roles.DataEngineer),
        new(" big data engineer ", Roles.DataEngineer),
        new(" big data developer ", Roles.DataEngineer),
        new(" big data architect ", Roles.DataEngineer),
        new(" etl ", Roles.DataEngineer),
        new(" elt ", Roles.DataEngineer),
        new(" data architect ", Roles.DataEngineer),
        new(" data warehouse ", Roles.DataEngineer),
        new(" data warehousing ", Roles.DataEngineer),
        new(" data modeler ", Roles.DataEngineer),
        new(" data modeller ", Roles.DataEngineer),
        new(" data pipeline ", Roles.DataEngineer),
        new(" data integration engineer ", Roles.DataEngineer),
        new(" data integration developer ", Roles.DataEngineer),
        new(" data infrastructure ", Roles.DataEngineer),
        new(" data platform engineer ", Roles.DataEngineer),
        new(" dataops ", Roles.DataEngineer),
        new(" data developer ", Roles.DataEngineer),
        new(" database engineer ", Roles.DataEngineer),
        new(" database developer ", Roles.DataEngineer),
        new(" spark developer ", Roles.DataEngineer),
        new(" spark engineer ", Roles.DataEngineer),
        new(" hadoop ", Roles.DataEngineer),
        new(" databricks engineer ", Roles.DataEngineer),
        new(" databricks developer ", Roles.DataEngineer),
        new(" data lake ", Roles.DataEngineer),
        new(" engenheiro de dados ", Roles.DataEngineer),
        new(" engenheira de dados ", Roles.DataEngineer),
        new(" engenharia de dados ", Roles.DataEngineer),
        new(" ingeniero de datos ", Roles.DataEngineer),
        new(" ingeniera de datos ", Roles.DataEngineer),

        // data_analyst
        new(" data analyst ", Roles.DataAnalyst),
        new(" data analytics ", Roles.DataAnalyst),
        new(" bi ", Roles.DataAnalyst),
        new(" power bi ", Roles.DataAnalyst),
        new(" analytics analyst ", Roles.DataAnalyst),
        new(" reporting analyst ", Roles.DataAnalyst),
        new(" data reporting ", Roles.DataAnalyst),
        new(" reporting specialist ", Roles.DataAnalyst),
        new(" insight analyst ", Roles.DataAnalyst),
        new(" insights analyst ", Roles.DataAnalyst),
        new(" product analyst ", Roles.DataAnalyst),
        new(" marketing analyst ", Roles.DataAnalyst),
        new(" business analyst ", Roles.DataAnalyst),
        new(" research analyst ", Roles.DataAnalyst),
        new(" quantitative analyst ", Roles.DataAnalyst),
        new(" analytics manager ", Roles.DataAnalyst),
        new(" analytics lead ", Roles.DataAnalyst),
        new(" analytics specialist ", Roles.DataAnalyst),
        new(" analytics consultant ", Roles.DataAnalyst),
        new(" head of analytics ", Roles.DataAnalyst),
        new(" director of analytics ", Roles.DataAnalyst),
        new(" manager of analytics ", Roles.DataAnalyst),
        new(" data visualization ", Roles.DataAnalyst),
        new(" visualization analyst ", Roles.DataAnalyst),
        new(" tableau developer ", Roles.DataAnalyst),
        new(" looker developer ", Roles.DataAnalyst),
        new(" statistical programmer ", Roles.DataAnalyst),
        new(" analista de dados ", Roles.DataAnalyst),
        new(" analista de datos ", Roles.DataAnalyst),
        new(" analise de dados ", Roles.DataAnalyst),
        new(" analisis de datos ", Roles.DataAnalyst),
    ];

    // Words that name the field without naming the job ("Director of Machine Learning",
    // "Software Engineer, LLM", "Big Data Analyst"), tried in this order when no head phrase matched.
    private static readonly (string[] Phrases, string Role)[] Modifiers =
    [
        ([" llm ", " generative ai ", " prompt "], Roles.AiEngineer),
        ([" machine learning ", " deep learning ", " computer vision ", " nlp ", " machine vision ", " reinforcement learning "], Roles.MlEngineer),
        ([" big data ", " data platform ", " spark ", " databricks ", " snowflake ", " kafka "], Roles.DataEngineer),
        ([" analytics ", " tableau ", " looker ", " reporting ", " insights "], Roles.DataAnalyst),
        ([" ai "], Roles.AiEngineer),
    ];

    private static readonly string[] DataEngineeringNouns =
        [" architect ", " modeler ", " developer ", " engineer ", " integration ", " migration ", " programmer "];

    private static readonly string[] DataAnalysisNouns =
    [
        " analyst ", " specialist ", " associate ", " coordinator ", " reporter ", " professional ", " strategist ",
        " strategy ", " consultant ", " manager ", " management ", " lead ", " officer ", " steward ", " governance ",
        " quality ", " operations ", " integrity ", " head ", " operator ", " analysis ",
    ];

    // Declared after the phrase tables it reads (static fields initialize in text order).
    private static readonly PhraseIndex<Entry> Index = BuildIndex();

    private static PhraseIndex<Entry> BuildIndex()
    {
        List<(string, Entry)> entries = [];
        entries.AddRange(Governance.Select(p => (p, new Entry(Kind.Governance))));
        entries.AddRange(NotTheRole.Select(p => (p, new Entry(Kind.NotTheRole))));
        entries.AddRange(ProductManagement.Select(p => (p, new Entry(Kind.ProductManagement))));
        entries.AddRange(AiOrDataWords.Select(p => (p, new Entry(Kind.AiOrData))));
        entries.AddRange(Heads.Select(h => (h.Phrase, new Entry(Kind.Head, h))));
        for (int i = 0; i < Modifiers.Length; i++)
        {
            int group = i;
            entries.AddRange(Modifiers[i].Phrases.Select(p => (p, new Entry(Kind.Modifier, ModifierGroup: group))));
        }

        entries.Add((" data ", new Entry(Kind.DataWord)));
        entries.Add((" analyst ", new Entry(Kind.Analyst)));
        entries.AddRange(DataEngineeringNouns.Select(p => (p, new Entry(Kind.DataEngineeringNoun))));
        entries.AddRange(DataAnalysisNouns.Select(p => (p, new Entry(Kind.DataAnalysisNoun))));
        return new PhraseIndex<Entry>(entries);
    }

    // Titles that name only a generic job: "Engineer", "Senior Scientist", "Member of Technical Staff", "Analyst II".
    [GeneratedRegex(@"^ (?:(?:senior|junior|lead|staff|principal|associate|chief|head|intern|entry|level)\s)*(?<head>engineer|developer|architect|programmer|consultant|specialist|member of technical staff|scientist|researcher|analyst)(?: (?:i|ii|iii|iv|v|[1-6]))? $", RegexOptions.CultureInvariant)]
    private static partial Regex GenericTitle();

    [GeneratedRegex(@"\b(?:machine learning|deep learning|neural net\w*|artificial intelligence|AI|ML|NLP|natural language|computer vision|LLMs?|large language models?|reinforcement learning|pytorch|tensorflow|data science|statistical model\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MlCue();

    // One pass over the description counts mentions of each family (tie-breaks for generic titles only).
    [GeneratedRegex(@"\b(?:(?<genai>LLMs?|large language models?|generative AI|gen ?AI|prompt engineering|retrieval[- ]augmented|RAG|langchain|llama ?index|vector (?:database|store)s?)|(?<ml>machine learning|deep learning|pytorch|tensorflow|neural net\w*|computer vision|NLP|natural language processing|model training|scikit-learn|ML models?)|(?<de>ETL|ELT|data pipelines?|data warehous\w*|spark|airflow|kafka|dbt|data lakes?|snowflake|redshift|bigquery|hadoop)|(?<da>dashboards?|tableau|power bi|looker|reporting|data analysis|data visualization|excel|KPIs?)|(?<ds>statistical model\w*|predictive model\w*|A/B test\w*|experimentation|hypothesis test\w*|regression|causal inference))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FamilyCue();

    private static (int GenAi, int Ml, int De, int Da, int Ds) CountFamilies(string description)
    {
        (int genAi, int ml, int de, int da, int ds) = (0, 0, 0, 0, 0);
        foreach (Match m in FamilyCue().Matches(description))
        {
            _ = m.Groups["genai"].Success ? genAi++
                : m.Groups["ml"].Success ? ml++
                : m.Groups["de"].Success ? de++
                : m.Groups["da"].Success ? da++
                : ds++;
        }

        return (genAi, ml, de, da, ds);
    }

    /// <summary>A description mentions a family at least this often before it breaks a generic title's tie.</summary>
    private const int MinimumCueCount = 2;

    private static string FromDescription(string t, string description)
    {
        Match generic = GenericTitle().Match(t);
        if (!generic.Success)
        {
            return Roles.Other;
        }

        string head = generic.Groups["head"].Value;
        (int genAi, int ml, int de, int da, int ds) = CountFamilies(description);
        switch (head)
        {
            case "analyst":
                return da + ds >= MinimumCueCount ? Roles.DataAnalyst : Roles.Other;
            case "researcher":
                return MlCue().Count(description) >= MinimumCueCount ? Roles.ResearchScientist : Roles.Other;
            case "scientist":
                return ml + ds >= MinimumCueCount ? Roles.DataScientist : Roles.Other;
            default:
                if (genAi >= MinimumCueCount && genAi >= ml && genAi >= de)
                {
                    return Roles.AiEngineer;
                }

                if (ml >= MinimumCueCount && ml >= de)
                {
                    return Roles.MlEngineer;
                }

                return de >= MinimumCueCount ? Roles.DataEngineer : Roles.Other;
        }
    }
}
