using SkillScope.Skills;

namespace SkillScope.Tests.Skills;

public class SkillStrengthTests
{
    private static readonly SkillExtractor Extractor = SkillExtractor.Default;

    private static Dictionary<string, string> Strengths(string text) =>
        SkillExtractor.Distinct(Extractor.Extract(text)).ToDictionary(d => d.SkillId, d => d.Strength);

    [Fact]
    public void A_preferred_heading_makes_its_section_preferred_until_the_next_heading()
    {
        const string text = """
            Requirements:
            - Python and SQL
            Preferred Qualifications
            - Spark
            - Experience with Kubernetes
            Benefits:
            - Tableau training budget
            """;
        var s = Strengths(text);

        Assert.Equal(SkillStrengths.Required, s["python"]);
        Assert.Equal(SkillStrengths.Required, s["sql"]);
        Assert.Equal(SkillStrengths.Preferred, s["apache-spark"]);
        Assert.Equal(SkillStrengths.Preferred, s["kubernetes"]);
        Assert.DoesNotContain("tableau", s.Keys); // a benefit, not a skill asked for
        Assert.Equal(SkillSections.Benefits, Extractor.Extract(text).Single(m => m.SkillId == "tableau").Section);
    }

    [Theory]
    [InlineData("Nice to have:\n* Docker\n")]
    [InlineData("Bonus points if you have:\n- Docker\n")]
    [InlineData("## Nice-to-haves\nDocker\n")]
    [InlineData("PLUSES\nDocker\n")]
    [InlineData("Preferred: Docker, and a sense of humour\n")]
    public void Heading_forms_of_nice_to_have_all_switch_the_section(string text) =>
        Assert.Equal(SkillStrengths.Preferred, Strengths(text)["docker"]);

    [Theory]
    [InlineData("**It will be considered a significant advantage if you bring**\n\n  * Experience with Kafka and Docker\n")]
    [InlineData("#### **You'll have an edge if you have:**\n\n  * Experience with Docker\n")]
    [InlineData("**Nice to have**\n- Docker\n")]
    [InlineData("Nice to have:\n  * Experience with Docker\n")]
    public void Markdown_headings_that_call_a_list_an_advantage_make_it_preferred(string text) =>
        Assert.Equal(SkillStrengths.Preferred, Strengths("Requirements:\n- Python\n\n" + text)["docker"]);

    [Fact]
    public void A_bold_sentence_that_is_not_a_heading_line_leaves_the_list_as_it_is()
    {
        // Bold only at the start: a list item that stresses its first words, not a heading.
        var s = Strengths("Requirements:\n**Required:** Docker is a significant advantage over bare VMs in our stack\n- Python\n");

        Assert.Equal(SkillStrengths.Required, s["python"]);
    }

    [Theory]
    [InlineData("Understanding of A/B tests a plus.", "ab-testing")]
    [InlineData("Experience with Tableau is a big plus!", "tableau")]
    [InlineData("Python preferred; Java required.", "python")]
    [InlineData("Python: 2 years (Preferred)", "python")]
    [InlineData("Knowledge of AWS is desirable.", "aws")]
    [InlineData("Ideally you have used dbt before.", "dbt")]
    [InlineData("Spark, Hadoop nice to have.", "hadoop")]
    public void A_cue_inside_a_sentence_makes_that_sentence_preferred(string text, string skill) =>
        Assert.Equal(SkillStrengths.Preferred, Strengths(text)[skill]);

    [Fact]
    public void A_sentence_cue_does_not_leak_into_the_next_sentence()
    {
        var s = Strengths("Python preferred; Java required. SQL is a must. Experience with e.g. Spark is a plus.");

        Assert.Equal(SkillStrengths.Preferred, s["python"]);
        Assert.Equal(SkillStrengths.Required, s["java"]);
        Assert.Equal(SkillStrengths.Required, s["sql"]);
        Assert.Equal(SkillStrengths.Preferred, s["apache-spark"]);
    }

    [Fact]
    public void Text_scraped_without_line_breaks_still_has_its_preferred_heading()
    {
        // LinkedIn 2018 descriptions lost their line breaks: "...SQL, R Preferred Qualifications BS and 8+ years...".
        var s = Strengths("Experience with Google BigQuery, SQL, R Preferred Qualifications BS and 8+ years of experience with Spark and Airflow Benefits Free Tableau licence");

        Assert.Equal(SkillStrengths.Required, s["sql"]);
        Assert.Equal(SkillStrengths.Required, s["bigquery"]);
        Assert.Equal(SkillStrengths.Preferred, s["apache-spark"]);
        Assert.Equal(SkillStrengths.Preferred, s["airflow"]);
        Assert.Equal(SkillStrengths.Required, s["tableau"]);
    }

    [Fact]
    public void Preferred_in_prose_is_not_a_heading()
    {
        var s = Strengths("Preferred candidates will have Python.\nRequirements\nSQL and Java.");

        Assert.Equal(SkillStrengths.Preferred, s["python"]);
        Assert.Equal(SkillStrengths.Required, s["sql"]);
        Assert.Equal(SkillStrengths.Required, s["java"]);
    }

    [Fact]
    public void A_list_item_in_capitals_does_not_end_a_preferred_section()
    {
        var s = Strengths("Preferred qualifications:\nMBA.\nCFA.\nExperience with SAS.");

        Assert.Equal(SkillStrengths.Preferred, s["sas"]);
        Assert.Equal(SkillStrengths.Preferred, s["cfa"]);
    }

    [SharedDataFact(SharedData.Google)]
    public void Google_postings_split_into_minimum_and_preferred_qualifications_are_labelled_accordingly()
    {
        // The 2018 Google careers postings keep minimum and preferred qualifications in separate columns: laid out
        // under their usual headings, every skill of the first must be required and every skill of the second preferred.
        var agree = 0;
        var total = 0;
        foreach (var row in SharedData.ReadCsv(SharedData.Google))
        {
            var head = $"{row["Responsibilities"]}\n\nMinimum qualifications:\n{row["Minimum Qualifications"]}\n\nPreferred qualifications:\n";
            var responsibilities = row["Responsibilities"].Length;
            foreach (var m in Extractor.Extract(head + row["Preferred Qualifications"]).Where(m => m.Start > responsibilities))
            {
                total++;
                agree += (m.Start >= head.Length ? SkillStrengths.Preferred : SkillStrengths.Required) == m.Strength ? 1 : 0;
            }
        }

        Assert.True(total > 5000, $"{total} mentions");
        Assert.True(agree >= 0.99 * total, $"{agree} of {total} agree");
    }

    [SharedDataFact(SharedData.Google)]
    public void Google_postings_keep_their_strengths_when_line_breaks_are_lost()
    {
        var agree = 0;
        var total = 0;
        foreach (var row in SharedData.ReadCsv(SharedData.Google))
        {
            var head = $"Minimum Qualifications {row["Minimum Qualifications"]} Preferred Qualifications ".Replace('\n', ' ');
            foreach (var m in Extractor.Extract(head + row["Preferred Qualifications"].Replace('\n', ' ')))
            {
                total++;
                agree += (m.Start >= head.Length ? SkillStrengths.Preferred : SkillStrengths.Required) == m.Strength ? 1 : 0;
            }
        }

        Assert.True(agree >= 0.98 * total, $"{agree} of {total} agree");
    }
}
