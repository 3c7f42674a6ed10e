using System.Text.Json;
using SkillScope.Analytics;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Figures;

/// <summary>The store the figure tests share: Adzuna 2026, USAJOBS 2026, Glassdoor 2020 and LinkedIn/Indeed 2018, ingested once.</summary>
public sealed class RealDataStore : IDisposable
{
    public const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    public const string Usajobs = "usajobs_data_roles_2026/usajobs_postings.csv";
    public const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    public const string LinkedIn = "linkedin_indeed_ca_2018/DataScientist.csv";
    public const string Indeed = "linkedin_indeed_ca_2018/cal_ds_500.csv";

    private readonly TempFolder folder = new();

    public RealDataStore()
    {
        if (SharedData.MissingReason([Adzuna, Usajobs, Glassdoor, LinkedIn, Indeed]) is not null)
        {
            return;
        }

        var (exit, _, error) = CliRunner.Run("ingest", SharedData.Path(Adzuna), SharedData.Path(Usajobs), SharedData.Path(Glassdoor),
            SharedData.Path(LinkedIn), SharedData.Path(Indeed), "--db", Db);
        IngestOutput = error;
        Assert.True(exit == 0, error);
    }

    public string Db => folder.Db;

    public string IngestOutput { get; } = "";

    public JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([.. args, "--db", Db, "--format", "json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    public void Dispose() => folder.Dispose();
}

/// <summary>Issue 11's figures on the real files: copies joined, snippets left out, trends within sources, pay never pooled.</summary>
public sealed class RealDataFiguresTests(RealDataStore store) : IClassFixture<RealDataStore>
{
    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Adzuna_copies_in_many_towns_are_one_posting_each_and_ingest_says_how_many_joined()
    {
        var line = store.IngestOutput.Split('\n').Single(l => l.Contains("adzuna_jobs_raw.csv", StringComparison.Ordinal));
        var stored = long.Parse(line.Split(" read, ")[1].Split(" stored")[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(stored, 195, 240);
        Assert.Contains("joined an existing posting", line, StringComparison.Ordinal);
        var market = store.Json("report", "market", "--source", "adzuna");
        Assert.Equal(stored, market.GetProperty("total").GetInt64());
        Assert.Equal(748, market.GetProperty("sourceRows").GetInt64());
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Re_ingesting_a_file_adds_nothing_after_near_duplicates_were_joined()
    {
        var (exit, _, error) = CliRunner.Run("ingest", SharedData.Path(RealDataStore.Adzuna), "--db", store.Db);

        Assert.Equal(0, exit);
        Assert.Contains("748 read, 0 stored, 0 joined an existing posting, 748 already stored", error, StringComparison.Ordinal);
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Python_is_named_by_most_ml_engineer_postings_with_full_text()
    {
        var report = store.Json("report", "skills", "--role", "ml_engineer");
        var python = report.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skill").GetString() == "python");

        Assert.True(python.GetProperty("share").GetDouble() >= 0.5, python.ToString());
        Assert.Contains(report.GetProperty("leftOut").EnumerateArray(), l => l.GetProperty("textKind").GetString() == "snippet");
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Comparing_2025_with_2026_claims_no_trend_from_a_change_of_sources()
    {
        foreach (var extra in (string[][])[[], ["--include-snippets"]])
        {
            var report = store.Json(["report", "skills", "--compare", "2025", "2026", "--top", "500", "--source", "adzuna,usajobs", .. extra]);
            foreach (var trend in report.GetProperty("trends").EnumerateArray()
                .Where(t => t.GetProperty("skill").GetString() is "python" or "sql" or "cloud-computing"))
            {
                Assert.False(trend.GetProperty("trend").GetString() is "rising" or "falling", trend.ToString());
            }
        }
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Premiums_are_not_reported_from_pay_that_is_mostly_board_estimates()
    {
        var included = store.Json("report", "premiums", "--include-estimates", "--source", "glassdoor,adzuna");

        Assert.Empty(included.GetProperty("premiums").EnumerateArray());
        Assert.True(included.GetProperty("estimates").GetInt64() * 2 > included.GetProperty("n").GetInt64());
        Assert.All(included.GetProperty("notReported").EnumerateArray(),
            u => Assert.Contains("boards' estimates", u.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Equal(0, store.Json("report", "premiums", "--source", "glassdoor,adzuna").GetProperty("estimates").GetInt64());
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void An_estimate_applies_no_premium_whose_interval_includes_zero()
    {
        var estimate = store.Json("salary", "estimate", "--role", "data_scientist", "--seniority", "senior", "--country", "US",
            "--skills", "python,sql,excel,tableau,spark", "--kind", "posting", "--include-estimates", "--min-cell", "5");

        var premiums = estimate.GetProperty("basis").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "skill-premium").ToList();
        Assert.NotEmpty(premiums);
        foreach (var p in premiums)
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("note").GetString()));
            if (p.GetProperty("applied").GetBoolean())
            {
                var (low, high) = (p.GetProperty("low").GetDouble(), p.GetProperty("high").GetDouble());
                Assert.True(low > 0 || high < 0, p.ToString());
            }
        }
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void The_market_report_never_pools_stated_and_estimated_pay()
    {
        var market = store.Json("report", "market");

        Assert.Equal(JsonValueKind.Null, market.GetProperty("salaryUsd").ValueKind);
        var provenances = market.GetProperty("salaryByProvenance").EnumerateArray().Select(p => p.GetProperty("provenance").GetString() ?? "").ToList();
        Assert.Equal(["employer-stated", "board-estimated"], provenances);
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void Demand_over_time_gives_each_period_its_share_interval_and_sources()
    {
        var series = store.Json("report", "skills", "--by", "quarter", "--skills", "python,sql", "--include-snippets", "--source", "adzuna,usajobs");

        var periods = series.GetProperty("periods").EnumerateArray().ToList();
        Assert.Contains(periods, p => p.GetProperty("period").GetString() == "2026Q1");
        var python = series.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("skill").GetString() == "python");
        Assert.All(python.GetProperty("points").EnumerateArray(), p =>
            Assert.InRange(p.GetProperty("share").GetDouble(), p.GetProperty("low").GetDouble(), p.GetProperty("high").GetDouble()));
        // No country filter: the Indeed series covers one country's postings, so it is not drawn, and the report says why.
        Assert.Empty(store.Json("report", "skills", "--by", "month", "--skills", "machine-learning").GetProperty("reference").EnumerateArray());
        var us = store.Json("report", "skills", "--by", "month", "--skills", "machine-learning", "--country", "US", "--include-snippets");
        Assert.Equal("indeed-ai", us.GetProperty("reference")[0].GetProperty("id").GetString());
    }

    [SharedDataFact(RealDataStore.Adzuna, RealDataStore.Usajobs, RealDataStore.Glassdoor, RealDataStore.LinkedIn, RealDataStore.Indeed)]
    public void The_market_report_from_memory_is_the_report_from_the_store_for_every_filter()
    {
        using var opened = SkillStore.Open(store.Db);
        var snapshot = MarketSnapshot.Load(opened);
        Assert.Equal(StoreCatalog.RecordCount(opened), snapshot.Count);
        RecordFilter[] filters =
        [
            RecordFilter.None,
            new() { Kinds = ["posting"] },
            new() { Roles = ["data_scientist", "ml_engineer"], Seniorities = ["senior"] },
            new() { Countries = ["US"], WorkArrangements = ["remote", "hybrid"] },
            new() { Countries = ["CA"], EmploymentTypes = ["full_time"] },
            new() { Sources = ["adzuna"] },
            new() { Sources = ["glassdoor", "usajobs"], Roles = ["data_analyst"] },
            new() { TextKinds = ["full"] },
            new() { TextKinds = ["snippet", "summary"], Countries = ["US"] },
            new() { Since = new DateOnly(2026, 1, 1) },
            new() { Until = new DateOnly(2019, 12, 31), Roles = ["data_scientist"] },
            new() { Since = new DateOnly(2018, 6, 1), Until = new DateOnly(2020, 6, 30), Seniorities = ["junior", "mid"] },
            new() { Roles = ["no_such_role"] },
        ];
        foreach (var filter in filters)
        {
            var fromStore = JsonSerializer.Serialize(MarketAnalysis.Compute(opened, filter));
            Assert.Equal(fromStore, JsonSerializer.Serialize(snapshot.Compute(filter)));
        }
    }
}
