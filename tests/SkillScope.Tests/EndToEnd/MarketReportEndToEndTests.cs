using System.Globalization;
using System.Text.Json;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>
/// The JSON market report over the bundled survey, checked against figures computed here from the raw
/// file with no SkillScope code (and, for the salary percentiles, against Python's
/// statistics.quantiles(method="inclusive"), which is numpy's default interpolation).
/// </summary>
public sealed class MarketReportEndToEndTests : IClassFixture<MarketReportEndToEndTests.SurveyDatabase>
{
    private readonly SurveyDatabase database;

    public MarketReportEndToEndTests(SurveyDatabase database) => this.database = database;

    public sealed class SurveyDatabase : IDisposable
    {
        private readonly TempFolder temp = new();

        public SurveyDatabase()
        {
            var (exit, _, error) = CliRunner.Run("ingest", Repo.BundledSurvey, "--db", temp.Db);
            Assert.True(exit == 0, error);
            Rows = File.ReadLines(Repo.BundledSurvey).Skip(1).Select(line => line.Split(',')).ToArray();
        }

        public string Db => temp.Db;

        public string[][] Rows { get; }

        public void Dispose() => temp.Dispose();
    }

    private JsonElement Report(params string[] filters)
    {
        var (exit, output, error) = CliRunner.Run(["report", "market", "--db", database.Db, "--format", "json", .. filters]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static Dictionary<string, long> Counts(JsonElement list) =>
        list.EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("count").GetInt64());

    [Fact]
    public void Totals_period_and_breakdowns_match_the_raw_file()
    {
        var rows = database.Rows;
        var report = Report();

        Assert.Equal(rows.Length, report.GetProperty("total").GetInt64());
        Assert.Equal("2020-01-01", report.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2025-12-31", report.GetProperty("period").GetProperty("to").GetString());

        var level = new Dictionary<string, string> { ["EN"] = "junior", ["MI"] = "mid", ["SE"] = "senior", ["EX"] = "executive" };
        Assert.Equal(rows.GroupBy(r => level[r[1]]).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(report.GetProperty("bySeniority")));

        var employment = new Dictionary<string, string> { ["FT"] = "full_time", ["PT"] = "part_time", ["CT"] = "contract", ["FL"] = "contract" };
        Assert.Equal(rows.GroupBy(r => employment[r[2]]).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(report.GetProperty("byEmploymentType")));

        var arrangement = new Dictionary<string, string> { ["100"] = "remote", ["50"] = "hybrid", ["0"] = "onsite" };
        Assert.Equal(rows.GroupBy(r => arrangement[r[8]]).ToDictionary(g => g.Key, g => (long)g.Count()), Counts(report.GetProperty("byWorkArrangement")));

        var topCountries = rows.GroupBy(r => r[9]).Select(g => (g.Key, Count: (long)g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).Take(10).ToArray();
        var reported = report.GetProperty("topCountries").EnumerateArray().Select(e => (e.GetProperty("key").GetString()!, e.GetProperty("count").GetInt64())).ToArray();
        Assert.Equal(topCountries, reported);
        Assert.Equal(67_062.0 / 74_301, report.GetProperty("topCountries")[0].GetProperty("share").GetDouble(), 9);
    }

    [Fact]
    public void The_json_shape_is_the_published_contract()
    {
        var report = Report();

        Assert.Equal(
            ["total", "period", "byKind", "bySeniority", "byRole", "byEmploymentType", "byWorkArrangement", "topCompanies", "topCountries", "topMetros", "salaryUsd", "salaryByProvenance", "metroNote", "salaryFlagged", "sourceRows", "duplicatesMerged"],
            report.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["from", "to", "undated"], report.GetProperty("period").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["key", "count", "share"], report.GetProperty("bySeniority")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["n", "p25", "median", "p75", "mean"], report.GetProperty("salaryUsd").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Salary_summary_matches_independent_percentiles()
    {
        var salary = Report().GetProperty("salaryUsd");

        Assert.Equal(74_301, salary.GetProperty("n").GetInt64());
        Assert.Equal(106_800.0, salary.GetProperty("p25").GetDouble(), 6);
        Assert.Equal(147_500.0, salary.GetProperty("median").GetDouble(), 6);
        Assert.Equal(199_700.0, salary.GetProperty("p75").GetDouble(), 6);
        var mean = database.Rows.Average(r => double.Parse(r[6], CultureInfo.InvariantCulture));
        Assert.Equal(mean, salary.GetProperty("mean").GetDouble(), 6);
        Assert.Equal(158_016.34451757043, salary.GetProperty("mean").GetDouble(), 6);
    }

    [Fact]
    public void Filters_are_ORed_within_and_ANDed_across()
    {
        var rows = database.Rows;
        var report = Report("--seniority", "senior,executive", "--country", "us", "--since", "2024");

        var expected = rows.Count(r => (r[1] is "SE" or "EX") && r[9] == "US" && int.Parse(r[0], CultureInfo.InvariantCulture) >= 2024);
        Assert.Equal(expected, report.GetProperty("total").GetInt64());
    }

    [Fact]
    public void The_same_query_prints_byte_identical_output()
    {
        var first = CliRunner.Run("report", "market", "--db", database.Db, "--format", "json");
        var second = CliRunner.Run("report", "market", "--db", database.Db, "--format", "json");

        Assert.Equal(first.Output, second.Output);
    }

    [Theory]
    [InlineData("--role", "wizard", "--role 'wizard' is not known")]
    [InlineData("--since", "last week", "--since 'last week' is not a date")]
    [InlineData("--country", "USA", "--country 'USA' is not an ISO 3166-1 alpha-2 code")]
    public void Bad_filters_get_a_one_line_error_and_exit_1(string option, string value, string message)
    {
        var (exit, output, error) = CliRunner.Run("report", "market", "--db", database.Db, option, value);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("skillscope: " + message, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
