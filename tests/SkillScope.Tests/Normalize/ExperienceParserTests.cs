using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class ExperienceParserTests
{
    [Theory]
    [InlineData("3+ years", 3)]
    [InlineData("at least five years", 5)]
    [InlineData("2-4 years of experience", 2)]
    [InlineData("minimum of 3 years experience", 3)]
    [InlineData("5 years' experience", 5)]
    [InlineData("3 to 5 years of relevant experience", 3)]
    // Glassdoor 2020 descriptions
    [InlineData("7+ years proven working experience as a data analyst or business data analyst", 7)]
    [InlineData("Minimum Qualifications: Bachelor of Science and 5 years' data science experience OR Master of Science and 3 years' experience", 3)]
    [InlineData("Minimum Five (5) years’ relevant and practical experience with SAS, R, Python", 5)]
    [InlineData("Experience with Python (2+ years)", 2)]
    [InlineData("R: 1 year (Preferred)", 1)]
    [InlineData("2 or more years experience with geoprocessing and Python scripting", 2)]
    [InlineData("• 3-5+ years experience working in Engineering/Development environments", 3)]
    [InlineData("One to three years of experience", 1)]
    [InlineData("4+ years managing and driving the execution of complex projects", 4)]
    [InlineData("Mathematics, Computer Science, or Data Science or 2+ years of relevant work experience", 2)]
    [InlineData("Entry level role, no experience required.", 0)]
    public void Reads_experience_requirements(string text, int expected) => Assert.Equal(expected, ExperienceParser.YearsRequiredMin(text));

    [Theory]
    [InlineData("The company was founded 50 years ago and has grown every year since.")]
    [InlineData("A family business for over 20 years in business in Ohio.")]
    [InlineData("Must be a minimum of 21 years of age")]
    [InlineData("this will be a very exciting area in the next 5 to 10 years")]
    [InlineData("Postgraduate degree in chemistry preferred; four-year degree in chemistry, biological sciences")]
    [InlineData("We want to grow from 400 people to 1700 people in 4 years to take the market an accessible set of consulting skills")]
    [InlineData("Joseph Company, and a 135+ year track record on operating an ethical business")]
    [InlineData("Our team has 50 years of combined experience in analytics.")]
    [InlineData("Tableau Services Partner of the Year 2015")]
    [InlineData("Educational Assistance/Tuition Reimbursement up to $3K/year")]
    [InlineData("")]
    [InlineData(null)]
    public void Ignores_years_that_are_not_experience(string? text) => Assert.Null(ExperienceParser.YearsRequiredMin(text));

    [Fact]
    public void Lists_every_requirement_in_order()
    {
        const string text = "5+ years of experience in analytics. 2+ years of experience with Spark. Must be at least 18 years of age.";
        Assert.Equal([5, 2], ExperienceParser.Requirements(text));
    }
}
