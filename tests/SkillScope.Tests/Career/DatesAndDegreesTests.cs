using SkillScope.Career;

namespace SkillScope.Tests.Career;

public class DatesAndDegreesTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 22);

    [Theory]
    [InlineData("Data Scientist, Acme, Jan 2020 - Mar 2020", 3)]
    [InlineData("Data Scientist | Acme | January 2020 – Present", 83)]
    [InlineData("Analyst (03/2018 - 06/2020)", 28)]
    [InlineData("Engineer 2019-01 to 2021-06", 30)]
    [InlineData("Researcher, 2018 - 2020", 24)]
    [InlineData("Intern, Summer 2019 - Fall 2019", 4)]
    [InlineData("Consultant since May 2025", 19)]
    [InlineData("Engineer, Sept. 2015 — Aug. 2016", 12)]
    [InlineData("Engineer, Dec 2021 - current", 60)]
    public void Date_ranges_as_resumes_write_them(string line, int months)
    {
        var ranges = DateRanges.Find(line, AsOf);

        Assert.Equal(months, Assert.Single(ranges).Months);
    }

    [Theory]
    [InlineData("Graduated in 2019")]
    [InlineData("Call 555-2019 for details")]
    [InlineData("Python 3.10 and 2,000 users")]
    public void A_lone_year_or_number_is_not_a_range(string line)
    {
        Assert.Empty(DateRanges.Find(line, AsOf));
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_reported_not_counted()
    {
        var problems = new List<string>();

        Assert.Empty(DateRanges.Find("Analyst, Jun 2021 - Jan 2020", AsOf, problems));
        Assert.Equal(["'Jun 2021 - Jan 2020' ends before it starts; not counted"], problems);
    }

    [Theory]
    [InlineData("BS/MS/PhD in Computer Science or related field", "bachelor")]
    [InlineData("Master's degree in Statistics required; PhD preferred", "master")]
    [InlineData("PhD in Machine Learning", "doctorate")]
    [InlineData("Bachelor of Science in Mathematics", "bachelor")]
    [InlineData("BA or BS required", "bachelor")]
    [InlineData("High school diploma or GED", "secondary")]
    [InlineData("Associate's degree in IT", "associate")]
    public void Postings_ask_for_the_lowest_degree_they_name(string text, string level)
    {
        Assert.Equal(level, EducationDetector.Lowest(text)?.Level);
    }

    [Theory]
    [InlineData("Advanced MS Excel and MS Office skills")]
    [InlineData("Office in Boston, MA, near the river")]
    [InlineData("Certified Scrum Master with a mastery of agile")]
    [InlineData("Ms. Smith leads the BA team")]
    public void Words_that_look_like_degrees_are_not_degrees(string text)
    {
        Assert.Empty(EducationDetector.Find(text));
    }

    [Theory]
    [InlineData("M.S. Computer Science, Columbia University, 2016", "master")]
    [InlineData("MS Computer Science, Stanford University", "master")]
    [InlineData("BSc (Hons) Physics, University of Leeds", "bachelor")]
    [InlineData("Ph.D., Statistics, UC Berkeley", "doctorate")]
    public void Resume_education_lines_give_the_degree(string line, string level)
    {
        Assert.Equal(level, EducationDetector.Highest(line, educationContext: true)?.Level);
    }

    [Theory]
    [InlineData("Bachelor's degree or equivalent experience", true)]
    [InlineData("BS in CS or equivalent practical experience", true)]
    [InlineData("Bachelor's degree required", false)]
    public void Equivalent_experience_is_recognised(string text, bool accepted)
    {
        Assert.Equal(accepted, EducationDetector.AcceptsEquivalentExperience(text));
    }
}
