using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

/// <summary>docs/normalization.md shows how the survey's most common titles map; this keeps that table true.</summary>
public class DocumentationTests
{
    private static string? FindDoc()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "normalization.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [Fact]
    public void Survey_title_table_in_the_docs_matches_the_classifiers()
    {
        string path = FindDoc() ?? throw new InvalidOperationException("docs/normalization.md not found above " + AppContext.BaseDirectory);
        string[] lines = File.ReadAllLines(path);
        int start = Array.IndexOf(lines, "<!-- survey-titles:start -->");
        int end = Array.IndexOf(lines, "<!-- survey-titles:end -->");
        Assert.True(start >= 0 && end > start, "table markers missing");

        int rows = 0;
        foreach (string line in lines[(start + 3)..end])
        {
            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            string title = cells[2];
            string role = cells[3].Trim('`');
            string? level = cells[4] == "-" ? null : cells[4];
            Assert.Equal((title, role, level), (title, RoleClassifier.Classify(title), SeniorityClassifier.FromTitle(title)));
            rows++;
        }

        Assert.Equal(40, rows);
    }
}
