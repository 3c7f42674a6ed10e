using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

public class JobMatcherTests(RealPostingsStore postings) : IClassFixture<RealPostingsStore>
{
    private const string UsajobsHeader = "role,title,city,state,description,posted_date,close_date,job_grade,salary_min,salary_max,employment_type,is_remote\n";

    private static string Posting(int i, string title, string description) =>
        $"x,{title},Seattle,Washington,\"{description} Posting {i}.\",2026-01-01,2026-06-30,GS,100000,150000,Full-Time,False\n";

    private static IngestSummary Ingest(SkillStore store, string path, int batch = 5_000, CancellationToken cancellation = default)
    {
        var index = new SkillIndex(SkillExtractor.Default, SkillTaxonomy.Default.Version);
        return new IngestService(store, FxRates.Default, FixedTime.Default)
            .Ingest(path, new IngestOptions { BatchSize = batch }, null, cancellation);
    }

    private static long Postings(SkillStore store)
    {
        return store.Scalar("SELECT COUNT(*) FROM records WHERE kind = 'posting'");
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void The_ml_engineer_resume_finds_ml_postings_and_the_analyst_resume_analyst_postings()
    {
        var engineer = JobMatcher.Match(postings.Store, SkillTaxonomy.Default, CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md")), new MatchRequest());
        var analyst = JobMatcher.Match(postings.Store, SkillTaxonomy.Default, CareerKit.Read(CareerKit.Fixture("mismatched-data-analyst.txt")), new MatchRequest());

        Assert.Equal(10, engineer.Matches.Count);
        Assert.Contains(engineer.Matches, m => m.Title == "Machine Learning Engineer" && m.Company == "Information Builders");
        Assert.True(engineer.Matches.Count(m => m.Role is Roles.MlEngineer or Roles.DataScientist or Roles.DataEngineer) >= 8);
        Assert.True(analyst.Matches.Count(m => m.Role == Roles.DataAnalyst) >= 6, string.Join(", ", analyst.Matches.Select(m => m.Title)));
        Assert.Equal(engineer.Matches.Select(m => m.Score).OrderByDescending(s => s), engineer.Matches.Select(m => m.Score));
        var first = engineer.Matches[0];
        Assert.StartsWith("skills: ", first.Why[0], StringComparison.Ordinal);
        Assert.Contains(first.Why, w => w.StartsWith("role: ", StringComparison.Ordinal));
        Assert.Contains(first.Why, w => w.StartsWith("level: ", StringComparison.Ordinal));
        Assert.Contains(first.Why, w => w.StartsWith("text: ", StringComparison.Ordinal) && w.Contains("BM25 rank ", StringComparison.Ordinal));
        Assert.NotEmpty(first.MatchedRequired);
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void Matching_is_deterministic()
    {
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.json"));

        var first = JsonSerializer.Serialize(JobMatcher.Match(postings.Store, SkillTaxonomy.Default, resume, new MatchRequest { Top = 25 }));
        var second = JsonSerializer.Serialize(JobMatcher.Match(postings.Store, SkillTaxonomy.Default, resume, new MatchRequest { Top = 25 }));

        Assert.Equal(first, second);
    }

    [SharedDataFact(CareerKit.Glassdoor, CareerKit.LinkedIn, CareerKit.Indeed)]
    public void Filters_and_preferences_apply()
    {
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));

        var analysts = JobMatcher.Match(postings.Store, SkillTaxonomy.Default, resume, new MatchRequest { Filter = new RecordFilter { Roles = [Roles.DataAnalyst] } });
        var remote = JobMatcher.Match(postings.Store, SkillTaxonomy.Default, resume, new MatchRequest { Arrangement = WorkArrangements.Remote, Country = "US" });

        Assert.All(analysts.Matches, m => Assert.Equal(Roles.DataAnalyst, m.Role));
        Assert.All(remote.Matches, m => Assert.NotNull(m.Fit));
        Assert.Contains(remote.Matches, m => m.Why.Any(w => w.StartsWith("place: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_index_catches_up_with_new_postings_and_survives_an_interrupted_ingest()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var first = new StringBuilder(UsajobsHeader);
        for (var i = 0; i < 50; i++)
        {
            first.Append(Posting(i, "Data Engineer", "Build pipelines with Airflow and Spark."));
        }

        Ingest(store, temp.Write("first.csv", first.ToString()));
        Assert.Equal(50, PostingIndex.Update(store));
        Assert.Equal(0, PostingIndex.Update(store));

        // An ingest cancelled at once commits the one row it read, and stops.
        var second = new StringBuilder(UsajobsHeader);
        for (var i = 0; i < 300; i++)
        {
            second.Append(Posting(1000 + i, "Machine Learning Engineer", "Train PyTorch models and deploy them with Kubernetes."));
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var interrupted = Ingest(store, temp.Write("second.csv", second.ToString()), batch: 100, cancellation: cancelled.Token);
        Assert.True(interrupted.Interrupted);
        Assert.Equal(1, PostingIndex.Update(store));
        Assert.Equal(Postings(store), PostingIndex.IndexedCount(store));

        Ingest(store, temp.File("second.csv"));
        Assert.Equal(299, PostingIndex.Update(store));
        Assert.Equal(350, PostingIndex.IndexedCount(store));
        var hits = PostingIndex.Search(store, ["kubernetes"], RecordFilter.None, 1_000);
        Assert.Equal(300, hits.Count);
    }

    [Fact]
    public void Words_joined_by_slashes_dots_or_at_signs_are_found_alike_on_both_engines()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var csv = new StringBuilder(UsajobsHeader);
        csv.Append(Posting(1, "Machine Learning Engineer", "Models in production (Python, PyTorch/TensorFlow); ci/cd; python3.11; see jobs.example.io"));
        csv.Append(Posting(2, "Data Engineer", "Build pipelines with Airflow and Spark."));
        Ingest(store, temp.Write("slashes.csv", csv.ToString()));
        PostingIndex.Update(store);

        foreach (var term in new[] { "pytorch", "tensorflow", "ci cd", "python3 11", "example" })
        {
            Assert.Single(PostingIndex.Search(store, [term], RecordFilter.None, 10));
        }
    }

    [Fact]
    [Trait("Engine", "sqlite")]
    public void The_index_is_rebuilt_when_postings_it_holds_change()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var csv = new StringBuilder(UsajobsHeader);
        for (var i = 0; i < 20; i++)
        {
            csv.Append(Posting(i, "Data Analyst", i < 10 ? "Tableau dashboards." : "Looker dashboards."));
        }

        Ingest(store, temp.Write("postings.csv", csv.ToString()));
        PostingIndex.Update(store);
        using (var connection = new SqliteConnection($"Data Source={store.Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM record_sources WHERE record_id IN (SELECT id FROM records WHERE description LIKE 'Tableau%');
                DELETE FROM posting_signatures WHERE record_id IN (SELECT id FROM records WHERE description LIKE 'Tableau%');
                DELETE FROM record_skills WHERE record_id IN (SELECT id FROM records WHERE description LIKE 'Tableau%');
                DELETE FROM record_skill_sets WHERE record_id IN (SELECT id FROM records WHERE description LIKE 'Tableau%');
                DELETE FROM records WHERE description LIKE 'Tableau%';
                """;
            command.ExecuteNonQuery();
        }

        Assert.Equal(10, PostingIndex.Update(store));
        Assert.Equal(10, PostingIndex.IndexedCount(store));
        Assert.Empty(PostingIndex.Search(store, ["tableau"], RecordFilter.None, 100));
        Assert.Equal(10, PostingIndex.Search(store, ["looker"], RecordFilter.None, 100).Count);
    }

    [Fact]
    public void A_resume_with_nothing_to_search_for_gets_a_note_not_a_ranking()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        Ingest(store, temp.Write("p.csv", UsajobsHeader + Posting(1, "Data Engineer", "Build pipelines with Airflow.")));
        PostingIndex.Update(store);
        var resume = CareerKit.FromText("""
            Morgan Blake
            Summary: hard-working and friendly person who likes to help customers and colleagues every single day at work.
            Experience
            Shop Assistant, Corner Store, 2019 - 2022
            - Helped customers find what they needed and kept the shelves in order
            """);

        var report = JobMatcher.Match(store, SkillTaxonomy.Default, resume, new MatchRequest());

        Assert.Empty(report.Matches);
        Assert.Contains(report.Notes, n => n.Contains("no stored posting mentions", StringComparison.Ordinal) || n.Contains("nothing in the resume", StringComparison.Ordinal));
    }

    // The copy tests' ad (the resume's words in a short text), and the clinic text other jobs add to it to be jobs of their own.
    private const string Ad = "Train and ship machine learning models with PyTorch and Kubernetes on AWS SageMaker. You will own feature pipelines in "
        + "Python and Spark, run experiments with MLflow, review model quality with product teams and keep the serving stack reliable and fast.";

    private const string Third = "Our clinic network spans nine states and the team sits with nurses twice a month to learn how scheduling really works; "
        + "expect on-call once a quarter, a yearly learning budget, parental leave of sixteen weeks and a hybrid office near the river downtown.";

    [Fact]
    public void The_same_ad_at_other_companies_is_listed_once_with_its_copies_counted()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        const string Other = "Design dashboards in Tableau and write SQL for the finance team. You will model revenue data in dbt, answer questions from "
            + "analysts, keep the warehouse tidy and teach colleagues to read the numbers they are given every week of the year.";
        var csv = new StringBuilder("title,company,location,description,posted_date\n");
        for (var i = 1; i <= 4; i++)
        {
            // The ad's sentences reordered per company, as a recruiter's copies differ: still nearly the same text.
            var text = i % 2 == 0 ? Ad : string.Join(". ", Ad.Split(". ").Reverse());
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Machine Learning Engineer,Agency {i},Seattle WA,\"{text} Reference {i}.\",2026-01-0{i}\n");
        }

        // The same title and the ad's words, but most of its text its own (about a third of the shingles shared): another job.
        csv.Append("Machine Learning Engineer,Acme,Portland OR,\"" + Ad + " " + Other + " " + Third + "\",2026-01-05\n");
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(temp.Write("postings.csv", csv.ToString()), new IngestOptions { Format = "csv" });
        PostingIndex.Update(store);
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));

        var report = JobMatcher.Match(store, SkillTaxonomy.Default, resume, new MatchRequest());

        Assert.Equal(5, Postings(store));
        Assert.Equal(2, report.Matches.Count);
        var ad = Assert.Single(report.Matches, m => m.Company!.StartsWith("Agency", StringComparison.Ordinal));
        Assert.Equal(3, ad.Copies);
        Assert.Contains(ad.Why, w => w.StartsWith("copies: 3 more postings", StringComparison.Ordinal));
        Assert.Equal(0, Assert.Single(report.Matches, m => m.Company == "Acme").Copies);
        Assert.Contains(report.Notes, n => n.StartsWith("3 postings with the title and nearly the text of a listed one", StringComparison.Ordinal));
    }

    [Fact]
    public void When_copies_fold_the_best_candidates_into_fewer_ads_than_asked_more_candidates_are_ranked_until_the_list_is_full()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        const string Other = "The office sits by the harbour and the team meets on Mondays to plan the week; we offer a pension, a cycle scheme, "
            + "twenty-eight days of leave and a quiet room for focused work, and we hire from anywhere in the region.";
        var csv = new StringBuilder("title,company,location,description,posted_date\n");
        for (var i = 1; i <= 6; i++)
        {
            // One ad at six agencies, its sentences reordered at every other one: the shortest texts with the resume's words, so
            // its copies are the best by full text.
            var text = i % 2 == 0 ? Ad : string.Join(". ", Ad.Split(". ").Reverse());
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Machine Learning Engineer,Agency {i},Seattle WA,\"{text} Reference {i}.\",2026-01-0{i}\n");
        }

        // Two other jobs with the ad's words in longer texts of their own: the same terms match, further down by full text.
        csv.Append("Data Scientist,Clinic Group,Denver CO,\"" + Ad + " " + Third + "\",2026-01-07\n");
        csv.Append("Data Engineer,River Bank,Austin TX,\"" + Ad + " " + Other + " " + Third + "\",2026-01-08\n");
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(temp.Write("postings.csv", csv.ToString()), new IngestOptions { Format = "csv" });
        PostingIndex.Update(store);
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));

        var report = JobMatcher.Match(store, SkillTaxonomy.Default, resume, new MatchRequest { Top = 3, Candidates = 2 });

        Assert.Equal(8, Postings(store));
        Assert.Equal(3, report.Matches.Count);
        Assert.Equal(["Data Engineer", "Data Scientist", "Machine Learning Engineer"], report.Matches.Select(m => m.Title).Order(StringComparer.Ordinal));
        Assert.Equal(5, Assert.Single(report.Matches, m => m.Title == "Machine Learning Engineer").Copies);
        Assert.Equal([1, 2, 3], report.Matches.Select(m => m.Rank));
        Assert.Equal(8, report.Candidates);
        Assert.Contains(report.Notes, n => n.StartsWith("the 3 best by full text held fewer than 3 distinct ads", StringComparison.Ordinal));
        // The reasons quote the candidates finally ranked, not those of the first round.
        Assert.All(report.Matches, m => Assert.Contains(m.Why, w => w.EndsWith(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BM25 rank {m.TextRank} of 8"), StringComparison.Ordinal)));
    }

    [Fact]
    public void The_candidate_lists_grow_to_at_most_sixteen_times_their_asked_length_and_a_list_still_short_says_so()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        var csv = new StringBuilder("title,company,location,description,posted_date\n");
        for (var i = 1; i <= 40; i++)
        {
            // One ad at forty agencies: its copies are the best forty by full text.
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"Machine Learning Engineer,Agency {i},Seattle WA,\"{Ad} Reference {i}.\",{new DateOnly(2026, 1, 1).AddDays(i):yyyy-MM-dd}\n");
        }

        csv.Append("Data Scientist,Clinic Group,Denver CO,\"" + Ad + " " + Third + "\",2026-03-01\n");
        new IngestService(store, FxRates.Default, FixedTime.Default).Ingest(temp.Write("postings.csv", csv.ToString()), new IngestOptions { Format = "csv" });
        PostingIndex.Update(store);
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));

        var report = JobMatcher.Match(store, SkillTaxonomy.Default, resume, new MatchRequest { Top = 2, Candidates = 1 });

        // The lists start at the two asked for and grow 4, 8, 16, then 32 = 16 x 2: all copies of the one ad; the Data
        // Scientist posting, 41st by full text, is not reached.
        Assert.Equal(41, Postings(store));
        var match = Assert.Single(report.Matches);
        Assert.Equal("Machine Learning Engineer", match.Title);
        Assert.InRange(match.Copies, 31, 39);
        Assert.Contains(report.Notes, n => n.StartsWith("the 2 best by full text held fewer than 2 distinct ads", StringComparison.Ordinal)
            && n.Contains("the best 32 were ranked (at most 16 times the asked candidates are ranked; 1 distinct ad among them)", StringComparison.Ordinal));
    }

    [Fact]
    public void However_large_the_index_the_terms_searched_appear_together_in_at_most_75000_postings()
    {
        using var temp = new TempFolder();
        using var store = SkillStore.Open(temp.Db);
        Ingest(store, temp.Write("p.csv", UsajobsHeader + Posting(1, "Data Engineer", "Build pipelines with Airflow, Kafka, Terraform, Snowflake and dbt on Kubernetes.")));
        PostingIndex.Update(store);
        var resume = CareerKit.FromText("""
            Morgan Blake
            Summary: data engineer who builds reliable batch and streaming pipelines for analytics teams and keeps them running.
            Skills: Airflow, Kafka, Terraform, Snowflake, dbt, Kubernetes
            Experience
            Data Engineer, Acme Analytics, 2019 - 2024
            - Built batch pipelines with Airflow and streaming ones with Kafka on Kubernetes for twelve analytics teams
            - Moved the warehouse to Snowflake with dbt models and managed the infrastructure with Terraform
            """);
        // Counts as a 1,000,000-posting index would hold them: every word in 25,000 postings.
        store.Execute("UPDATE posting_fts_df SET doc = 25000");

        var notes = new List<string>();
        var large = JobMatcher.Terms(store, SkillTaxonomy.Default, resume, 1_000_000, notes);
        var budgetOnly = JobMatcher.Terms(store, SkillTaxonomy.Default, resume, 100_000, null);

        // 0.75 of the index would be 750,000 postings: every term. The cap keeps the three that fit in 75,000.
        Assert.Equal(3, large.Count);
        Assert.Contains(notes, n => n.StartsWith("full text searched the resume's 3 rarest terms of ", StringComparison.Ordinal));
        // At 100,000 postings the cap is the budget itself: the same terms, as before the cap.
        Assert.Equal(large, budgetOnly);
    }
}
