using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.EndToEnd;

/// <summary>The README's first command: `demo` over the bundled data shows the ML/data job market, from a fresh store and again.</summary>
[Trait("Engine", "sqlite")]
public partial class DemoTests
{
    [Fact]
    public void Demo_reports_over_a_thousand_ml_and_data_postings_with_python_among_their_skills_and_is_idempotent()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = CliRunner.Run("demo", "--db", temp.Db);
        var (exitAgain, outputAgain, _) = CliRunner.Run("demo", "--db", temp.Db);

        Assert.True(exit == 0, error);
        Assert.Equal(0, exitAgain);
        Assert.Contains("hn_whoishiring_ml_2022_2025.md", error, StringComparison.Ordinal);
        var postings = Headline().Match(output, Math.Max(0, output.IndexOf("ML, data and AI job postings", StringComparison.Ordinal)));
        Assert.True(postings.Success, output);
        Assert.True(long.Parse(postings.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 1_000, postings.Value);
        Assert.Matches(@"│ Python\s+│", output);
        Assert.Contains("2023 (n = ", output, StringComparison.Ordinal);
        Assert.Equal(Report(output), Report(outputAgain));

        // The bundled HN sample's postings are mostly ML, data or AI roles, and Python is among the skills of those postings.
        using var connection = new SqliteConnection($"Data Source={temp.Db}");
        connection.Open();
        Assert.True(Scalar(connection, "SELECT 2 * SUM(r.role <> 'other') - COUNT(*) FROM records r WHERE r.id IN (SELECT record_id FROM record_sources WHERE source = 'hn-table')") > 0);
        Assert.True(Scalar(connection, "SELECT COUNT(*) FROM record_skills k JOIN records r ON r.id = k.record_id WHERE k.skill_id = 'python' AND r.role <> 'other'") >= 100);
    }

    private static string Report(string output) => output[output.IndexOf("SkillScope: ML job market", StringComparison.Ordinal)..];

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"([\d,]+) records, period")]
    private static partial Regex Headline();
}
