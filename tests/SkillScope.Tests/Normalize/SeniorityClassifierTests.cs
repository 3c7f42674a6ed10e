using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class SeniorityClassifierTests
{
    [Theory]
    [InlineData("Senior Data Scientist", Seniorities.Senior)]
    [InlineData("Sr. Data Scientist II", Seniorities.Senior)]
    [InlineData("Jr. Business Data Analyst", Seniorities.Junior)]
    [InlineData("Data Analyst Intern", Seniorities.Intern)]
    [InlineData("Infrastructure Data Scientist, Intern", Seniorities.Intern)]
    [InlineData("Data Scientist – New College Grad", Seniorities.Junior)]
    [InlineData("Entry Level Research Analyst I Biomedtracker - Pharma Intelligence", Seniorities.Junior)]
    [InlineData("Mid-Level Data Scientist/ Root Cause Engineer", Seniorities.Mid)]
    [InlineData("Staff Data Scientist", Seniorities.Lead)]
    [InlineData("Principal Data Scientist", Seniorities.Lead)]
    [InlineData("Lead Data Scientist", Seniorities.Lead)]
    [InlineData("Sr. Lead Data Scientist", Seniorities.Lead)]
    [InlineData("Data Science Manager, Ads", Seniorities.Lead)]
    [InlineData("Manager of Analytics", Seniorities.Lead)]
    [InlineData("Senior Manager/Director, Data Science", Seniorities.Executive)]
    [InlineData("Director of Data Science", Seniorities.Executive)]
    [InlineData("Head of Data Science", Seniorities.Executive)]
    [InlineData("VP Data Science", Seniorities.Executive)]
    [InlineData("Chief Data Scientist", Seniorities.Executive)]
    [InlineData("Senior Product Manager", Seniorities.Senior)]
    [InlineData("Associate Data Scientist", Seniorities.Junior)]
    [InlineData("Data Scientist I", Seniorities.Junior)]
    [InlineData("Data Scientist II", Seniorities.Mid)]
    [InlineData("Scientist III", Seniorities.Senior)]
    [InlineData("Data Scientist 4, Words with Friends", Seniorities.Lead)]
    [InlineData("Machine Learning Engineer 5", Seniorities.Lead)]
    [InlineData("Analista de Dados Pleno", Seniorities.Mid)]
    [InlineData("Cientista de Dados Sênior", Seniorities.Senior)]
    [InlineData("Estagiário em Ciência de Dados", Seniorities.Intern)]
    public void Title_words_decide(string title, string expected) => Assert.Equal(expected, SeniorityClassifier.Classify(title, yearsRequiredMin: 1));

    [Theory]
    [InlineData("Product Manager")]
    [InlineData("Program Manager, Machine Learning")]
    [InlineData("Account Manager")]
    [InlineData("Member of Technical Staff")]
    [InlineData("Research Associate")]
    [InlineData("Data Entry Clerk")]
    [InlineData("Python 3 Developer")]
    [InlineData("Data Scientist")]
    public void Role_names_are_not_levels(string title) => Assert.Null(SeniorityClassifier.FromTitle(title));

    [Theory]
    [InlineData(0, Seniorities.Junior)]
    [InlineData(2, Seniorities.Junior)]
    [InlineData(3, Seniorities.Mid)]
    [InlineData(5, Seniorities.Mid)]
    [InlineData(6, Seniorities.Senior)]
    [InlineData(8, Seniorities.Senior)]
    [InlineData(9, Seniorities.Lead)]
    [InlineData(null, Seniorities.Unknown)]
    public void Years_decide_when_the_title_is_silent(int? years, string expected) =>
        Assert.Equal(expected, SeniorityClassifier.Classify("Data Scientist", years));

    [Theory]
    [InlineData("EN", Seniorities.Junior)]
    [InlineData("MI", Seniorities.Mid)]
    [InlineData("SE", Seniorities.Senior)]
    [InlineData("EX", Seniorities.Executive)]
    [InlineData("se", Seniorities.Senior)]
    [InlineData("XX", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Survey_codes(string? code, string? expected) => Assert.Equal(expected, SeniorityClassifier.FromSurveyCode(code));

    [Theory]
    [InlineData("Internship", Seniorities.Intern)]
    [InlineData("Entry level", Seniorities.Junior)]
    [InlineData("Associate", Seniorities.Junior)]
    [InlineData("Mid-Senior level", Seniorities.Senior)]
    [InlineData("Director", Seniorities.Executive)]
    [InlineData("Executive", Seniorities.Executive)]
    [InlineData("Not Applicable", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("Estágio", Seniorities.Intern)]
    [InlineData("Assistente", Seniorities.Junior)]
    [InlineData("Pleno-sênior", Seniorities.Senior)]
    [InlineData("Júnior", Seniorities.Junior)]
    [InlineData("Transporte ferroviário", null)]
    public void Board_labels(string? label, string? expected) => Assert.Equal(expected, SeniorityClassifier.FromLabel(label));

    // Issue 16: where a posting's board label contradicts the title or the years its text asks for, title and years win
    // (they agreed with the hand-labelled level in 42 of 50 postings, the label in 6); the label decides only when
    // neither names a level. A salary report's own label still comes before its years.
    [Theory]
    [InlineData("Senior Data Scientist", "Entry level", "Python.", Seniorities.Senior)]
    [InlineData("Data Scientist", "Entry level", "At least 3 years of experience with Python.", Seniorities.Mid)]
    [InlineData("Data Scientist", "Mid-Senior level", "1-2 years of experience in analytics.", Seniorities.Junior)]
    [InlineData("Data Scientist", "Mid-Senior level", "Python and SQL.", Seniorities.Senior)]
    [InlineData("Data Scientist", null, "Python and SQL.", Seniorities.Unknown)]
    public void A_posting_s_title_then_its_years_then_its_board_label(string title, string? label, string description, string expected)
    {
        var raw = new RawRecord { Kind = RecordKinds.Posting, Title = title, SeniorityHint = label, Description = description };

        Assert.Equal(expected, RecordNormalizer.Normalize(raw, FxRates.Default).Record!.Seniority);
    }

    [Fact]
    public void A_salary_report_s_own_level_label_comes_before_its_years()
    {
        var raw = new RawRecord { Kind = RecordKinds.SalaryReport, Title = "Data Scientist", SeniorityHint = "Senior", YearsRequiredHint = 1 };

        Assert.Equal(Seniorities.Senior, RecordNormalizer.Normalize(raw, FxRates.Default).Record!.Seniority);
    }
}
