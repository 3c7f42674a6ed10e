using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

public class SkillSectionTests
{
    private static readonly SkillExtractor Extractor = SkillExtractor.Default;

    private static Dictionary<string, string> Counted(string text, string? employer = null) =>
        SkillExtractor.Distinct(Extractor.Extract(text, employer)).ToDictionary(d => d.SkillId, d => d.Strength);

    private static string SectionOf(string text, string skill, string? employer = null) =>
        Extractor.Extract(text, employer).First(m => m.SkillId == skill).Section;

    [Fact]
    public void Skills_in_the_company_blurb_benefits_and_legal_text_are_context_not_the_postings_skills()
    {
        const string text = """
            About Us
            Acme builds a vector database and data warehousing tools for APIs.

            Requirements:
            - Python and SQL

            Benefits:
            - Tableau training budget

            Equal Opportunity
            We do not discriminate on the basis of any other classification protected by law.
            """;
        var counted = Counted(text);

        Assert.Contains("python", counted.Keys);
        Assert.Contains("sql", counted.Keys);
        Assert.DoesNotContain("vector-database", counted.Keys);
        Assert.DoesNotContain("tableau", counted.Keys);
        Assert.Equal(SkillSections.CompanyDescription, SectionOf(text, "vector-database"));
        Assert.Equal(SkillSections.Benefits, SectionOf(text, "tableau"));
        Assert.Equal(SkillSections.Requirement, SectionOf(text, "python"));
        Assert.Contains("tableau", SkillExtractor.Distinct(Extractor.Extract(text), includeContext: true).Select(d => d.SkillId));
    }

    [Theory]
    [InlineData("<p><strong>About us</strong></p><p>We build a vector database.</p><p><strong>Requirements</strong></p><ul><li>Python</li></ul>")]
    [InlineData("**About us**\nWe build a vector database.\n\n**Requirements**\n- Python\n")]
    [InlineData("## About us\nWe build a vector database.\n## What you'll do\nWrite Python.\n")]
    [InlineData("Great team culture.About Us We build a vector database. Requirements: Python and Go.")]
    [InlineData("ABOUT US\nWe build a vector database.\nRESPONSIBILITIES\nWrite Python.")]
    public void The_company_section_is_found_in_html_markdown_and_flattened_layouts(string text)
    {
        var counted = Counted(text);

        Assert.Contains("python", counted.Keys);
        Assert.DoesNotContain("vector-database", counted.Keys);
    }

    [Theory]
    [InlineData("Hey HN, I'm the founder.\n\nWhat we're building: AI orchestration across generative models and enterprise RAG for firms.\n\nStack: DynamoDB, Next.js\n", "rag")]
    [InlineData("Trellis was founded at Stanford and is backed by leading investors including executives at Google and Salesforce.\n\nRequirements:\n- Python\n", "salesforce")]
    [InlineData("Our team is from Instagram, TikTok and NVIDIA.\n\nRequirements:\n- Python\n", "tiktok")]
    [InlineData("Our platform is trusted by teams at Snowflake and Databricks.\n\nYou will write Python.\n", "databricks")]
    public void Sentences_about_what_the_company_builds_or_who_backs_it_are_context(string text, string skill)
    {
        Assert.DoesNotContain(skill, Counted(text).Keys);
        Assert.Equal(SkillSections.CompanyDescription, SectionOf(text, skill));
    }

    [Fact]
    public void A_company_sentence_that_names_the_stack_or_speaks_to_the_candidate_stays_the_job()
    {
        Assert.Contains("python", Counted("Our platform is built on Python and Postgres.\n").Keys);
        Assert.Contains("python", Counted("What we're building needs you to write Python every day.\n").Keys);
    }

    [Fact]
    public void An_eeo_sentence_without_a_heading_is_legal_text()
    {
        const string text = "You know Python.\n\nAcme is an equal opportunity employer; we hire without regard to race, color, religion, or any other classification protected by law.";

        Assert.Equal(["python"], Counted(text).Keys);
        Assert.Equal(SkillSections.Legal, Extractor.Extract("You know Python.\n\nWe hire without regard to race or Python skills.").Last().Section);
    }

    [Fact]
    public void About_the_role_and_about_you_are_the_job_not_the_company()
    {
        const string text = "About Acme\nWe sell Salesforce add-ons.\n\nAbout the role\nYou will write Python.\n\nAbout you\nYou know SQL.";
        var counted = Counted(text);

        Assert.Contains("python", counted.Keys);
        Assert.Contains("sql", counted.Keys);
        Assert.DoesNotContain("salesforce", counted.Keys);
    }

    [Fact]
    public void A_company_section_ends_where_the_text_turns_to_the_role()
    {
        const string text = "About us\nWe build a vector database.\n\nWe're looking for an engineer who knows Rust and Kubernetes.";
        var counted = Counted(text);

        Assert.Contains("kubernetes", counted.Keys);
        Assert.DoesNotContain("vector-database", counted.Keys);
    }

    [Fact]
    public void The_employers_own_name_never_counts()
    {
        const string text = "Databricks is hiring. You will use Databricks, Spark and Python daily.";

        Assert.DoesNotContain("databricks", Counted(text, "Databricks, Inc.").Keys);
        Assert.Contains("apache-spark", Counted(text, "Databricks, Inc.").Keys);
        Assert.Contains("databricks", Counted(text).Keys);
        Assert.Equal(SkillExclusions.EmployerName, Extractor.Extract(text, "Databricks").First(m => m.SkillId == "databricks").Exclusion);
    }

    [Theory]
    [InlineData("Apply today. #BI-Remote #LI-Hybrid", "business-intelligence")]
    public void Hashtags_never_count(string text, string skill)
    {
        Assert.DoesNotContain(skill, Counted(text).Keys);
        Assert.DoesNotContain(skill, SkillExtractor.Distinct(Extractor.Extract(text), includeContext: true).Select(d => d.SkillId));
    }

    [Fact]
    public void A_brand_name_is_not_split_at_its_capitals()
    {
        Assert.DoesNotContain("vue", Counted("Join RepVue, the sales community.").Keys);
        Assert.Contains("ssrs", Counted("Experience with SSRSMarketing background").Keys);
    }

    [Fact]
    public void Text_under_no_heading_is_the_job()
    {
        Assert.Equal(SkillSections.Job, SectionOf("You will build pipelines in Python.", "python"));
    }
}
