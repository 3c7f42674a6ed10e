using System.CommandLine;
using System.Text.Json;
using SkillScope.Cli.Commands;

namespace SkillScope.Tests.Skills;

public class SkillsCommandsTests
{
    private static (int Code, string Output, string Error) Run(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string TempFile(string content)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Extract_prints_mentions_as_json_with_the_documented_fields()
    {
        var file = TempFile("Requirements: Python and SQL.\nNice to have: PyTorch.");
        try
        {
            var (code, output, _) = Run(SkillsCommands.Create(), "extract", file, "--format", "json");

            Assert.Equal(0, code);
            var mentions = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
            Assert.Equal(["python", "sql", "pytorch"], mentions.Select(m => m.GetProperty("skill").GetString()));
            var torch = mentions[2];
            Assert.Equal("PyTorch", torch.GetProperty("name").GetString());
            Assert.Equal(44, torch.GetProperty("start").GetInt32());
            Assert.Equal(51, torch.GetProperty("end").GetInt32());
            Assert.Equal("PyTorch", torch.GetProperty("surface").GetString());
            Assert.Equal("preferred", torch.GetProperty("strength").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Extract_prints_a_table_with_a_summary()
    {
        var file = TempFile("Experience with Kubernetes and Terraform is a plus.");
        try
        {
            var (code, output, _) = Run(SkillsCommands.Create(), "extract", file);

            Assert.Equal(0, code);
            Assert.Contains("kubernetes", output, StringComparison.Ordinal);
            Assert.Contains("Terraform", output, StringComparison.Ordinal);
            Assert.Contains("2 mentions of 2 skills (0 required, 2 preferred)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Extract_reports_an_unreadable_file()
    {
        var (code, _, error) = Run(SkillsCommands.Create(), "extract", "/nonexistent/posting.txt");

        Assert.Equal(1, code);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void List_filters_by_category()
    {
        var (code, output, _) = Run(SkillsCommands.Create(), "list", "--category", "llm-genai", "--format", "json");

        Assert.Equal(0, code);
        var skills = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Contains(skills, s => s.GetProperty("id").GetString() == "lora");
        Assert.All(skills, s => Assert.Equal("llm-genai", s.GetProperty("category").GetString()));
    }

    [Fact]
    public void List_names_the_categories_when_one_is_unknown()
    {
        var (code, _, error) = Run(SkillsCommands.Create(), "list", "--category", "astrology");

        Assert.Equal(1, code);
        Assert.Contains("ml-method", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_taxonomy_file_applies_to_extract_and_an_invalid_one_is_reported()
    {
        var taxonomy = TempFile("""{ "skills": [ { "id": "acme-ml", "name": "AcmeML", "category": "library-framework", "type": "hard" } ] }""");
        var text = TempFile("We use AcmeML daily.");
        var broken = TempFile("{ not json");
        try
        {
            var (code, output, _) = Run(SkillsCommands.Create(), "extract", text, "--format", "json", "--taxonomy", taxonomy);
            Assert.Equal(0, code);
            Assert.Contains("\"acme-ml\"", output, StringComparison.Ordinal);

            var (badCode, _, error) = Run(SkillsCommands.Create(), "extract", text, "--taxonomy", broken);
            Assert.Equal(1, badCode);
            Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(taxonomy);
            File.Delete(text);
            File.Delete(broken);
        }
    }

    [Fact]
    public void Eval_skills_scores_a_conll_file()
    {
        var file = TempFile("Python\tO\tB-Knowledge\nand\tO\tO\nbanking\tO\tB-Knowledge\n\n");
        try
        {
            var (code, output, _) = Run(EvalCommands.Create(), "skills", "--conll", file, "--format", "json");

            Assert.Equal(0, code);
            var result = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1.0, result.GetProperty("precision").GetDouble());
            Assert.Equal(0.5, result.GetProperty("recall").GetDouble());
            Assert.Equal("banking", result.GetProperty("misses")[0].GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Eval_skills_needs_exactly_one_input()
    {
        var (code, _, error) = Run(EvalCommands.Create(), "skills");

        Assert.NotEqual(0, code);
        Assert.Contains("exactly one of --conll FILE or --decorte FILE", error, StringComparison.Ordinal);
    }
}
