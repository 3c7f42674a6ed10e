using System.Globalization;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using Xunit.Abstractions;

namespace SkillScope.Tests.Career;

/// <summary>
/// Issue 15, suggestions: resumes written for the tests against real postings (Glassdoor 2020): only the job's own
/// requirements are advice, alternatives are satisfied by any member, generic terms are never advice alone, bullets
/// count as evidence, and each gain is what re-scoring the edited resume gives.
/// </summary>
public class CareerAdviceTests(ITestOutputHelper output)
{
    private static readonly SkillTaxonomy Taxonomy = SkillTaxonomy.Default;

    private static ResumeScore Score(Resume resume, JobRecord posting) => ResumeScorer.Score(resume, CareerKit.Profile(posting), Taxonomy);

    /// <summary>Every distinct Glassdoor 2020 posting (title, company, description), read as the normalizer reads it.</summary>
    private static List<JobRecord> GlassdoorPostings()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var records = new List<JobRecord>();
        foreach (var row in SharedData.ReadCsv(CareerKit.Glassdoor))
        {
            if (!seen.Add(row["Job Description"]))
            {
                continue;
            }

            var company = row["Company Name"].Split('\n')[0].Trim();
            var raw = new RawRecord { Kind = RecordKinds.Posting, Title = row["Job Title"], Company = company, Location = row["Location"], Description = row["Job Description"] };
            if (RecordNormalizer.Normalize(raw, FxRates.Default).Record is { } record)
            {
                records.Add(record);
            }
        }

        return records;
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void A_resume_with_PySpark_is_not_told_to_add_BigQuery_when_the_posting_takes_either()
    {
        var posting = CareerKit.GlassdoorPosting("Staff Machine Learning Engineer", "Tapjoy");
        var resume = CareerKit.Read(CareerKit.Fixture("senior-data-scientist-pyspark.md"));

        var score = Score(resume, posting);

        var bigQuery = score.Skills.Single(s => s.Skill == "bigquery");
        Assert.Equal("alternative", bigQuery.Status);
        Assert.Equal("PySpark", bigQuery.SatisfiedBy);
        Assert.Contains("PySpark", bigQuery.Alternatives);
        Assert.DoesNotContain(score.Improvements, i => i.Skill == "bigquery" || i.Text.Contains("BigQuery", StringComparison.Ordinal));
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Across_real_postings_a_resume_with_one_member_of_each_alternative_is_never_told_to_add_another()
    {
        var postings = GlassdoorPostings();
        var withGroups = 0;
        var groups = 0;
        foreach (var record in postings)
        {
            var profile = CareerKit.Profile(record);
            var byGroup = profile.Skills.Where(s => s.Group != 0 && s.Type == SkillTypes.Hard).GroupBy(s => s.Group).ToList();
            if (byGroup.Count == 0)
            {
                continue;
            }

            withGroups++;
            // The resume names the last member of each group (the least obvious one), in its skills and in a bullet.
            var have = byGroup.Select(g => g.Last()).ToList();
            var resume = CareerKit.FromText(BaseResume(have.Select(s => s.Name)));
            var score = ResumeScorer.Score(resume, profile, Taxonomy);
            foreach (var group in byGroup)
            {
                if (!resume.Has(group.Last().Id))
                {
                    continue; // a name that needs context to be read ("R" alone): the resume does not show it
                }

                groups++;
                var members = group.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                var told = score.Improvements.Where(i => i.Skill is { } id && members.Contains(id) && i.Kind is "required_skill" or "preferred_skill").ToList();
                Assert.True(told.Count == 0,
                    $"{record.Title} ({record.Company}): has {group.Last().Name}, told '{told.FirstOrDefault()?.Text}' for '{group.First().Sentence}'");
            }
        }

        output.WriteLine($"{postings.Count} distinct Glassdoor postings; {withGroups} have alternatives ({groups} groups); no suggestion to add another member");
        Assert.True(withGroups >= 100, $"only {withGroups} postings with alternatives");
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Across_real_postings_nothing_is_suggested_from_the_company_text_benefits_or_legal_text_and_no_generic_term_alone()
    {
        var postings = GlassdoorPostings();
        var weak = CareerKit.Read(CareerKit.Fixture("weak-ml-engineer.txt"));
        var generic = GenericSkills.Of(Taxonomy);
        var extractor = SkillExtractor.Default;
        long suggestions = 0, contextOnly = 0;
        foreach (var record in postings)
        {
            var text = record.Title + "\n" + record.Description;
            var mentions = extractor.Extract(text, record.Company);
            // Skills the posting names only outside the job's own parts: company description, benefits, legal, application.
            var own = mentions.Where(m => m.Counts).Select(m => m.SkillId).ToHashSet(StringComparer.Ordinal);
            var context = mentions.Where(m => !m.Counts && m.Exclusion is null).Select(m => m.SkillId).Where(id => !own.Contains(id)).ToHashSet(StringComparer.Ordinal);
            contextOnly += context.Count;

            var score = Score(weak, record);
            foreach (var improvement in score.Improvements.Where(i => i.Skill is not null))
            {
                suggestions++;
                Assert.False(context.Contains(improvement.Skill!), $"{record.Title} ({record.Company}): '{improvement.Text}' comes from context text");
                Assert.False(generic.Contains(improvement.Skill!), $"{record.Title} ({record.Company}): generic '{improvement.Text}'");
                Assert.False(string.IsNullOrWhiteSpace(improvement.Sentence), $"{record.Title}: '{improvement.Text}' has no sentence");
                var skill = Taxonomy.Find(improvement.Skill!)!;
                Assert.True(SkillNamedIn(extractor, improvement.Sentence!, skill), $"'{improvement.Sentence}' does not name {skill.Name}");
            }
        }

        output.WriteLine($"{postings.Count} postings: {suggestions} skill suggestions for the weak resume, none of {contextOnly} skills named only in context text, none generic");
        Assert.True(contextOnly > 50, $"only {contextOnly} context-only skills: the test would not catch a leak");
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void The_closing_company_paragraph_and_the_introduction_are_not_advice()
    {
        var posting = CareerKit.MlEngineerPosting();

        var score = Score(CareerKit.Read(CareerKit.Fixture("weak-ml-engineer.txt")), posting);

        // "Information Builders helps organizations ... business intelligence" (after the last requirement) and the
        // introduction ("building advanced Business Intelligence, Machine Learning ...") are the employer's, not asks.
        Assert.DoesNotContain(score.Skills, s => s.Skill == "business-intelligence");
        Assert.DoesNotContain(score.Improvements, i => i.Skill is "machine-learning" or "computer-science" or "cloud-computing");
        var either = score.Improvements.Single(i => i.Skill is "tensorflow" or "pytorch");
        Assert.Contains("either satisfies it", either.Text, StringComparison.Ordinal);
        Assert.Equal("Experience with and understanding of the Python ML frameworks such as TensorFlow and PyTorch", either.Sentence);
        var languages = score.Improvements.Single(i => i.Skill is "c" or "cpp" or "java" or "scala");
        Assert.StartsWith("Add one of ", languages.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deployed_models_on_SageMaker_counts_as_model_deployment_with_the_bullet_as_evidence()
    {
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));
        var record = PostingInput.FromText("""
            Machine Learning Engineer
            Requirements:
            - Experience with model deployment and model monitoring in production
            - Python and SQL
            """).Record!;

        var deployment = resume.Skills.Single(s => s.Id == "model-deployment");
        var score = ResumeScorer.Score(resume, CareerKit.Profile(record), Taxonomy);

        Assert.StartsWith("Productized 14 machine learning models", deployment.Evidence, StringComparison.Ordinal);
        Assert.Equal("found", score.Skills.Single(s => s.Skill == "model-deployment").Status);
        Assert.Equal("missing", score.Skills.Single(s => s.Skill == "model-monitoring").Status);
        Assert.Null(resume.Skills.Single(s => s.Id == "python").Evidence);
    }

    [Theory]
    [InlineData("Deployed models on AWS SageMaker and GCP Vertex AI", "model-deployment")]
    [InlineData("Designed and ran 30 A/B tests a quarter on ranking changes", "ab-testing")]
    [InlineData("Built Airflow pipelines that load 2 TB a day", "data-pipelines")]
    [InlineData("Fine-tuned Llama 3 models for support ticket triage", "fine-tuning")]
    [InlineData("Containerized the scoring service", "containerization")]
    [InlineData("Built executive dashboards in Looker", "dashboards")]
    public void A_bullet_verb_and_object_imply_the_skill(string bullet, string skill)
    {
        Assert.Contains(BulletEvidence.Find([bullet], Taxonomy), e => e.Skill == skill);
    }

    [Theory]
    [InlineData("Ranked 40 vendors by model quality")]
    [InlineData("Served on the hiring committee for the modeling team")]
    [InlineData("Attended talks on deployment of models")]
    public void A_bullet_without_the_deed_implies_nothing(string bullet)
    {
        Assert.DoesNotContain(BulletEvidence.Find([bullet], Taxonomy), e => e.Skill is "model-deployment" or "model-serving" or "ab-testing");
    }

    [Fact]
    public void Every_evidence_rule_names_a_skill_of_the_taxonomy()
    {
        Assert.All(BulletEvidence.Rules, r => Assert.NotNull(Taxonomy.Find(r.Skill)));
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Each_skill_gain_is_the_score_difference_of_the_resume_edited_as_suggested()
    {
        var posting = CareerKit.MlEngineerPosting();
        var profile = CareerKit.Profile(posting);
        var text = File.ReadAllText(CareerKit.Fixture("weak-ml-engineer.txt"));
        var before = ResumeScorer.Total(CareerKit.FromText(text), profile, Taxonomy);
        var score = ResumeScorer.Score(CareerKit.FromText(text), profile, Taxonomy);
        var checkedCount = 0;
        foreach (var improvement in score.Improvements.Where(i => i.Kind is "required_skill" or "preferred_skill"))
        {
            var name = Taxonomy.Find(improvement.Skill!)!.Name;
            // The edit a person makes: the skill in the skills section and one bullet in the latest position.
            var edited = text
                .Replace("Python, pandas, Excel, PowerPoint", $"Python, pandas, Excel, PowerPoint, {name}", StringComparison.Ordinal)
                .Replace("- Attended meetings with the marketing team", $"- Attended meetings with the marketing team\n- Used {name} in the work of this position", StringComparison.Ordinal);
            var after = ResumeScorer.Total(CareerKit.FromText(edited), profile, Taxonomy);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{improvement.Gain,5:0.0} shown, {after - before,5:0.0} re-scored: {improvement.Text}"));
            Assert.Equal(Math.Round(after - before, 1), improvement.Gain, 1);
            checkedCount++;
        }

        Assert.True(checkedCount >= 5, $"only {checkedCount} skill suggestions");
        // No gain is the full weight of a factor: adding one skill of many earns its share, less what the new bullet costs.
        var required = score.Breakdown.Single(f => f.Factor == "required_skills");
        Assert.All(score.Improvements.Where(i => i.Kind == "required_skill"), i => Assert.True(i.Gain < required.Weight / 2, i.Text));
    }

    [SharedDataFact(CareerKit.Glassdoor)]
    public void Adding_dates_is_worth_what_one_dated_year_earns_not_the_whole_factor()
    {
        var posting = CareerKit.MlEngineerPosting();
        var undated = CareerKit.FromText("""
            Alex Kim
            EXPERIENCE
            Junior Data Analyst, Shopline
            - Built weekly sales dashboards in Tableau for 12 store managers
            - Wrote SQL queries and Python scripts to clean data
            SKILLS
            Python, SQL, Tableau, pandas
            """);

        var score = Score(undated, posting);

        var dates = score.Improvements.Single(i => i.Kind == "experience");
        var experience = score.Breakdown.Single(f => f.Factor == "experience");
        Assert.StartsWith("Add start and end dates", dates.Text, StringComparison.Ordinal);
        Assert.InRange(dates.Gain, 0.1, experience.Weight / 4);
    }

    private static string BaseResume(IEnumerable<string> skills)
    {
        var list = string.Join(", ", skills);
        return $"""
            Jordan Lee
            EXPERIENCE
            Data Scientist, Example Analytics, Jan 2019 - Present
            - Built forecasting models that cut inventory costs by 12%
            - Used {list} in the team's production work for 3 product lines
            EDUCATION
            M.S. Statistics, State University, 2018
            SKILLS
            {list}, Git
            """;
    }

    /// <summary>The extractor finds the skill in the sentence alone, or one of its names is there (an ambiguous name needs the posting's context).</summary>
    private static bool SkillNamedIn(SkillExtractor extractor, string sentence, Skill skill) =>
        extractor.Extract(sentence).Any(m => m.SkillId == skill.Id)
        || skill.Aliases.Append(skill.Name).Any(n => sentence.Contains(n, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How requirement sentences of real postings group into alternatives (any member satisfies a group).</summary>
public class PostingAlternativesTests
{
    [Theory]
    [InlineData("Experience with BigQuery or PySpark or another modern method to access data", "bigquery pyspark")]
    [InlineData("Experience with C/C++, Java and/or Scala plus.", "c cpp java scala")]
    [InlineData("Expert command of SQL and R or Python as applied to data science", "r python")]
    [InlineData("Cloud experience in a major platform, such as AWS, GCP, or Azure.", "aws gcp azure")]
    [InlineData("Experience with Docker and Kubernetes or similar", "docker kubernetes")]
    [InlineData("Familiar with one of the database technologies such as PostgreSQL, MySQL, can write basic SQL queries", "postgresql mysql")]
    [InlineData("Understanding AWS / Azure / GCP data ETL capabilities is a plus", "aws azure gcp")]
    [InlineData("Understanding of the data layer integration (both SQL and no-SQL)", "")]
    [InlineData("Experience working with database management systems, such as SQL Server, MySQL, and MongoDB", "sql-server mysql mongodb")]
    public void Alternatives_are_grouped_and_and_lists_are_not(string requirement, string group)
    {
        var profile = CareerKit.Profile(PostingInput.FromText("Data Engineer\nRequirements:\n- " + requirement + "\n").Record!);

        var grouped = profile.Skills.Where(s => s.Group != 0).Select(s => s.Id).Order(StringComparer.Ordinal);

        Assert.Equal(group.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), grouped);
        Assert.All(profile.Skills, s => Assert.Equal(requirement, s.Sentence));
    }
}
