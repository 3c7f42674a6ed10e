using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class RoleClassifierTests
{
    [Theory]
    // Brief and docs/domain.md examples
    [InlineData("Product Manager, Machine Learning", Roles.AiProductManager)]
    [InlineData("Product Manager", Roles.Other)]
    [InlineData("Senior Product Manager", Roles.Other)]
    [InlineData("Software Engineer", Roles.Other)]
    [InlineData("Applied Scientist", Roles.ResearchScientist)]
    [InlineData("Machine Learning Scientist", Roles.ResearchScientist)]
    [InlineData("Research Engineer", Roles.ResearchScientist)]
    [InlineData("Analytics Engineer", Roles.DataEngineer)]
    [InlineData("BI Analyst", Roles.DataAnalyst)]
    [InlineData("Data Science Manager", Roles.DataScientist)]
    [InlineData("Prompt Engineer", Roles.AiEngineer)]
    [InlineData("LLM Engineer", Roles.AiEngineer)]
    [InlineData("GenAI Engineer", Roles.AiEngineer)]
    [InlineData("AI Engineer", Roles.AiEngineer)]
    [InlineData("Computer Vision Engineer", Roles.MlEngineer)]
    [InlineData("NLP Engineer", Roles.MlEngineer)]
    [InlineData("Deep Learning Engineer", Roles.MlEngineer)]
    [InlineData("ML Platform Engineer", Roles.MlopsEngineer)]
    [InlineData("Responsible AI Lead", Roles.AiGovernance)]
    // Abbreviations
    [InlineData("Sr. ML Engineer", Roles.MlEngineer)]
    [InlineData("Jr. DS", Roles.DataScientist)]
    [InlineData("AI/ML Engineer", Roles.MlEngineer)]
    [InlineData("MLE II", Roles.MlEngineer)]
    [InlineData("Artificial Intelligence Engineer", Roles.AiEngineer)]
    // Real titles: ai-jobs.net survey, Glassdoor 2020, LinkedIn 2018/2023, Brazil 2023
    [InlineData("Business Intelligence Engineer", Roles.DataAnalyst)]
    [InlineData("Data Architect", Roles.DataEngineer)]
    [InlineData("Machine Learning Infrastructure Engineer", Roles.MlopsEngineer)]
    [InlineData("Director of Machine Learning", Roles.MlEngineer)]
    [InlineData("Head of AI", Roles.AiEngineer)]
    [InlineData("Data Product Owner", Roles.AiProductManager)]
    [InlineData("Decision Scientist", Roles.DataScientist)]
    [InlineData("Senior Machine Learning (ML) Engineer / Data Scientist - Cyber Security Analytics", Roles.MlEngineer)]
    [InlineData("Data Scientist / Data Engineer", Roles.DataScientist)]
    [InlineData("Sr. Data Scientist/Research Engineer", Roles.DataScientist)]
    [InlineData("Software Engineer, Machine Learning", Roles.MlEngineer)]
    [InlineData("Senior Product Manager, Data Science", Roles.AiProductManager)]
    [InlineData("Data Science Instructor", Roles.Other)]
    [InlineData("Machine Learning Research Scientist", Roles.ResearchScientist)]
    [InlineData("Big Data Engineer", Roles.DataEngineer)]
    [InlineData("Analista de Dados Pleno", Roles.DataAnalyst)]
    [InlineData("Cientista de Dados Sênior", Roles.DataScientist)]
    [InlineData("Pessoa Engenheira de Dados SR", Roles.DataEngineer)]
    [InlineData("Analista de Business Intelligence", Roles.DataAnalyst)]
    [InlineData("Director - Data, Privacy and AI Governance", Roles.AiGovernance)]
    [InlineData("Medical Laboratory Scientist", Roles.Other)]
    [InlineData("", Roles.Other)]
    [InlineData(null, Roles.Other)]
    public void Classifies_titles(string? title, string expected) => Assert.Equal(expected, RoleClassifier.Classify(title));

    [Fact]
    public void Description_breaks_the_tie_for_a_generic_engineer()
    {
        const string ml = "You will train deep learning models in PyTorch and deploy machine learning systems.";
        const string pipelines = "Build ETL jobs in Spark and Airflow that feed the data warehouse.";
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Engineer"));
        Assert.Equal(Roles.MlEngineer, RoleClassifier.Classify("Senior Engineer", ml));
        Assert.Equal(Roles.DataEngineer, RoleClassifier.Classify("Engineer II", pipelines));
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Engineer", "Design HVAC systems for commercial buildings."));
    }

    [Fact]
    public void Description_does_not_override_a_specific_title()
    {
        const string ml = "You will train deep learning models in PyTorch and deploy machine learning systems.";
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Software Engineer", ml));
        Assert.Equal(Roles.DataAnalyst, RoleClassifier.Classify("Data Analyst", ml));
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Product Manager", ml));
    }

    [Fact]
    public void Research_title_without_ai_words_needs_the_text_to_mention_ml()
    {
        Assert.Equal(Roles.ResearchScientist, RoleClassifier.Classify("Research Scientist"));
        Assert.Equal(Roles.ResearchScientist, RoleClassifier.Classify("Research Scientist", "Publish at NeurIPS on reinforcement learning."));
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Research Scientist, Immunology - Cancer Biology", "Run flow cytometry assays in the wet lab."));
        Assert.Equal(Roles.ResearchScientist, RoleClassifier.Classify("Research Scientist - Computer Vision", "Run flow cytometry assays."));
        Assert.Equal(Roles.Other, RoleClassifier.Classify("Research Associate"));
    }

    [SharedDataFact("aijobs_salaries/salaries_2025-01-19.csv")]
    public void Every_survey_title_maps_to_a_role_id()
    {
        HashSet<string> titles = [.. SharedData.ReadCsv("aijobs_salaries/salaries_2025-01-19.csv").Select(r => r["job_title"])];
        Assert.True(titles.Count > 250);
        Assert.All(titles, t => Assert.Contains(RoleClassifier.Classify(t), Roles.All));
        Assert.Equal(Roles.DataScientist, RoleClassifier.Classify("Data Scientist"));
    }
}
