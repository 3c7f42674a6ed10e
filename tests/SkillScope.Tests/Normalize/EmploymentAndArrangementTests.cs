using SkillScope.Model;
using SkillScope.Normalize;

namespace SkillScope.Tests.Normalize;

public class EmploymentTypeNormalizerTests
{
    [Theory]
    [InlineData("FT", EmploymentTypes.FullTime)]
    [InlineData("PT", EmploymentTypes.PartTime)]
    [InlineData("CT", EmploymentTypes.Contract)]
    [InlineData("FL", EmploymentTypes.Contract)]
    [InlineData("Full-time", EmploymentTypes.FullTime)]
    [InlineData("FULL_TIME", EmploymentTypes.FullTime)]
    [InlineData("CONTRACTOR", EmploymentTypes.Contract)]
    [InlineData("CONTRACT", EmploymentTypes.Contract)]
    [InlineData("Contract", EmploymentTypes.Contract)]
    [InlineData("Contract\n+1", EmploymentTypes.Contract)]
    [InlineData("permanent", EmploymentTypes.FullTime)]
    [InlineData("full_time", EmploymentTypes.FullTime)]
    [InlineData("part_time", EmploymentTypes.PartTime)]
    [InlineData("INTERN", EmploymentTypes.Internship)]
    [InlineData("Internship", EmploymentTypes.Internship)]
    [InlineData("TEMPORARY", EmploymentTypes.Temporary)]
    [InlineData("Temporário", EmploymentTypes.Temporary)]
    [InlineData("VOLUNTEER", EmploymentTypes.Other)]
    [InlineData("PER_DIEM", EmploymentTypes.Other)]
    [InlineData("Intermittent", EmploymentTypes.Other)]
    [InlineData("On-Call", EmploymentTypes.Other)]
    [InlineData("Shift Work", EmploymentTypes.Other)]
    [InlineData("Full-Time", EmploymentTypes.FullTime)]
    [InlineData("Part-Time", EmploymentTypes.PartTime)]
    [InlineData("Tempo integral", EmploymentTypes.FullTime)]
    [InlineData("Meio período", EmploymentTypes.PartTime)]
    [InlineData("Estágio", EmploymentTypes.Internship)]
    [InlineData("Full-time, Contract", EmploymentTypes.FullTime)]
    [InlineData("51-200 funcionários", EmploymentTypes.Unknown)]
    [InlineData("", EmploymentTypes.Unknown)]
    [InlineData(null, EmploymentTypes.Unknown)]
    public void Normalizes_structured_labels(string? value, string expected) => Assert.Equal(expected, EmploymentTypeNormalizer.Normalize(value));

    [Theory]
    [InlineData("Data Scientist (Contract)", null, EmploymentTypes.Contract)]
    [InlineData("Data Scientist (Contract to Hire)", null, EmploymentTypes.Contract)]
    [InlineData("Data Analyst Intern", null, EmploymentTypes.Internship)]
    [InlineData("Data Scientist, Machine Learning Intern, Summer 2019", null, EmploymentTypes.Internship)]
    [InlineData("Part-Time Data Analyst", null, EmploymentTypes.PartTime)]
    [InlineData("Data Scientist (Full Time) - United States", null, EmploymentTypes.FullTime)]
    [InlineData("Data Scientist", "Job Type: Full-time\nSalary: $100,000.00 /year", EmploymentTypes.FullTime)]
    [InlineData("Data Scientist", "Job Types: Contract, Full-time", EmploymentTypes.Contract)]
    [InlineData("Data Scientist", "This is a 6 month contract with possible extension.", EmploymentTypes.Contract)]
    [InlineData("Data Scientist", "We offer a full-time position with benefits.", EmploymentTypes.FullTime)]
    [InlineData("Data Analyst", "This is a full-time contract position.", EmploymentTypes.Contract)]
    [InlineData("Big Data Engineer", "A recruiting firm that has filled permanent and contract assignments since 1980.", EmploymentTypes.Unknown)]
    [InlineData("Internal Auditor", "Audit our internal controls.", EmploymentTypes.Unknown)]
    [InlineData("Data Scientist", "Build models for our customers.", EmploymentTypes.Unknown)]
    [InlineData(null, null, EmploymentTypes.Unknown)]
    public void Reads_cues_in_title_then_text(string? title, string? description, string expected) =>
        Assert.Equal(expected, EmploymentTypeNormalizer.FromText(title, description));
}

public class WorkArrangementNormalizerTests
{
    [Theory]
    [InlineData(100, WorkArrangements.Remote)]
    [InlineData(50, WorkArrangements.Hybrid)]
    [InlineData(0, WorkArrangements.Onsite)]
    [InlineData(-1, WorkArrangements.Unknown)]
    [InlineData(150, WorkArrangements.Unknown)]
    public void Survey_remote_ratio(int ratio, string expected) => Assert.Equal(expected, WorkArrangementNormalizer.FromRemoteRatio(ratio));

    [Theory]
    [InlineData("remote", WorkArrangements.Remote)]
    [InlineData("Remote", WorkArrangements.Remote)]
    [InlineData("TELECOMMUTE", WorkArrangements.Remote)]
    [InlineData("hybrid", WorkArrangements.Hybrid)]
    [InlineData("onsite", WorkArrangements.Onsite)]
    [InlineData("on-site", WorkArrangements.Onsite)]
    [InlineData("In-Person", WorkArrangements.Onsite)]
    [InlineData("Presencial", WorkArrangements.Onsite)]
    [InlineData("Híbrido", WorkArrangements.Hybrid)]
    [InlineData("Hibrido", WorkArrangements.Hybrid)]
    [InlineData("Remoto", WorkArrangements.Remote)]
    [InlineData("Temporarily Remote", WorkArrangements.Unknown)]
    [InlineData("True", WorkArrangements.Unknown)]
    [InlineData("False", WorkArrangements.Unknown)]
    [InlineData("1", WorkArrangements.Unknown)]
    [InlineData("", WorkArrangements.Unknown)]
    [InlineData(null, WorkArrangements.Unknown)]
    public void Normalizes_labels_but_not_booleans(string? value, string expected) => Assert.Equal(expected, WorkArrangementNormalizer.Normalize(value));

    [Theory]
    [InlineData("Data Scientist (Remote)", null, null, WorkArrangements.Remote)]
    [InlineData("Senior Python Developers - Hybrid", null, null, WorkArrangements.Hybrid)]
    [InlineData("Senior Python Lead and Developer - Onsite", null, null, WorkArrangements.Onsite)]
    [InlineData("Data Scientist", "Remote in Arlington, VA", null, WorkArrangements.Remote)]
    [InlineData("Data Scientist", "Hybrid remote in Jersey City, NJ", null, WorkArrangements.Hybrid)]
    [InlineData("Data Scientist", "Remote", null, WorkArrangements.Remote)]
    [InlineData("Data Scientist", "Chicago, IL 60622 \n(West Town area)", null, WorkArrangements.Unknown)]
    [InlineData("Data Scientist", "Boston, MA", "This role is fully remote; work from home anywhere in the US.", WorkArrangements.Remote)]
    [InlineData("Data Scientist", "Boston, MA", "This is a hybrid role with 3 days a week in the office.", WorkArrangements.Hybrid)]
    [InlineData("Data Scientist", "Boston, MA", "This position is on-site in our Boston lab.", WorkArrangements.Onsite)]
    [InlineData("Legal Counsel - Remote or Hybrid", "Philadelphia, PA", null, WorkArrangements.Remote)]
    [InlineData("Administrative Associate 3- Hybrid/ Open to Remote", null, null, WorkArrangements.Remote)]
    [InlineData("Senior Big Data Engineer", "Remote Hybrid,Poland,Kraków, Poland,Remote", null, WorkArrangements.Remote)]
    [InlineData("Project Manager II (Full Time Hybrid Remote)", null, null, WorkArrangements.Hybrid)]
    [InlineData("Technical Support Specialist (Hybrid - Framingham, MA)", null, null, WorkArrangements.Hybrid)]
    [InlineData("Remote Sensing Scientist", null, null, WorkArrangements.Unknown)]
    [InlineData("Scientist", "Denver, CO", "Experience with remote sensing and hybrid cloud; onsite gym.", WorkArrangements.Unknown)]
    public void Reads_cues_in_title_location_then_text(string? title, string? location, string? description, string expected) =>
        Assert.Equal(expected, WorkArrangementNormalizer.FromText(title, location, description));

    // Issue 16: a work arrangement stated only in the description, whatever the layout; and the text that is not one.
    [Theory]
    [InlineData("Hybrid: three days a week in our Berlin office.", WorkArrangements.Hybrid)]
    [InlineData("You will join us two days per week at our Munich office.", WorkArrangements.Hybrid)]
    [InlineData("Expect to be in the office 3 days a week.", WorkArrangements.Hybrid)]
    [InlineData("Location: Hybrid (London)", WorkArrangements.Hybrid)]
    [InlineData("This role is fully remote.", WorkArrangements.Remote)]
    [InlineData("Location: Remote (US)", WorkArrangements.Remote)]
    [InlineData("You can work onsite, hybrid, or fully remote from one of these countries.", WorkArrangements.Remote)]
    [InlineData("The role is on-site in Austin, 5 days a week.", WorkArrangements.Onsite)]
    [InlineData("Based on-site in Austin, 5 days.", WorkArrangements.Onsite)]
    [InlineData("You must be able to work out of our Cupertino, CA office.", WorkArrangements.Onsite)]
    [InlineData("We are a remote-first company, but this role is onsite in our lab.", WorkArrangements.Onsite)]
    [InlineData("This is not a remote position.", WorkArrangements.Onsite)]
    [InlineData("Telecommuter? No", WorkArrangements.Onsite)]
    [InlineData("We are a remote-first company with a distributed team.", WorkArrangements.Remote)]
    [InlineData("Perks: remote work stipend, home office allowance, WFH stipend.", WorkArrangements.Unknown)]
    [InlineData("Experience with remote sensing data and remote monitoring of patients.", WorkArrangements.Unknown)]
    [InlineData("Free lunch, onsite workout classes and an onsite gym.", WorkArrangements.Unknown)]
    [InlineData("Ability to work in a standard office environment and communicate in person.", WorkArrangements.Unknown)]
    [InlineData("Experience working with remote and global teams.", WorkArrangements.Unknown)]
    [InlineData("We run hybrid cloud workloads 24 hours a day, seven days a week.", WorkArrangements.Unknown)]
    [InlineData("Job Location- Remote, USA. We are seeking an experienced administrator.", WorkArrangements.Remote)]
    [InlineData("Expected Duration: 6 Months Job Type: Contract to hire, Onsite Pay Range: 60$/hr", WorkArrangements.Onsite)]
    [InlineData("Location: onsite CA (Soma) San Francisco, CA", WorkArrangements.Onsite)]
    [InlineData("Telework may be available in accordance with agency policy. This IS NOT a virtual position.", WorkArrangements.Onsite)]
    [InlineData("Hybrid and Remote Options: choose a work arrangement that suits your lifestyle.", WorkArrangements.Remote)]
    [InlineData("We provide remote and hybrid working options to fit all lifestyles.", WorkArrangements.Remote)]
    [InlineData("Flexible working hours and hybrid or remote workplace model.", WorkArrangements.Remote)]
    [InlineData("In-office days are Tues/Wed/Thurs; WFH days are Mon/Fri.", WorkArrangements.Hybrid)]
    [InlineData("Want to work from home sometimes? No problem.", WorkArrangements.Hybrid)]
    [InlineData("Work cooperatively with other local and remote team members.", WorkArrangements.Unknown)]
    [InlineData("A privacy-first routing layer for teams running models across on-prem and hybrid environments.", WorkArrangements.Unknown)]
    public void Reads_the_arrangement_a_description_states_about_the_job(string description, string expected) =>
        Assert.Equal(expected, WorkArrangementNormalizer.FromText("Data Scientist", "Denver, CO", description));

    [Theory]
    [InlineData("Associate Security Engineer - Edina, Minnesota (Hybrid)", null, WorkArrangements.Hybrid)]
    [InlineData("Senior Staff Automotive Quality Engineer (On-Site)", null, WorkArrangements.Onsite)]
    [InlineData("Data Scientist", "This is a hybrid role with 3 days a week in the office.", WorkArrangements.Hybrid)]
    [InlineData("Lead Backend Engineer - Remote or Hybrid", null, WorkArrangements.Remote)]
    [InlineData("Data Scientist", "This role is fully remote.", WorkArrangements.Remote)]
    [InlineData("Data Scientist", null, WorkArrangements.Remote)]
    public void A_remote_flag_gives_way_to_a_text_that_says_hybrid_or_onsite(string title, string? description, string expected)
    {
        var raw = new RawRecord { Kind = RecordKinds.Posting, Title = title, WorkArrangementHint = WorkArrangementNormalizer.RemoteAllowed, Description = description };

        Assert.Equal(expected, RecordNormalizer.Normalize(raw, FxRates.Default).Record!.WorkArrangement);
    }

    [Fact]
    public void A_structured_field_wins_over_the_description()
    {
        var raw = new RawRecord { Kind = RecordKinds.Posting, Title = "Data Scientist", WorkArrangementHint = "Remote", Description = "This position is on-site in our Boston lab." };
        var textOnly = raw with { WorkArrangementHint = null };

        Assert.Equal(WorkArrangements.Remote, RecordNormalizer.Normalize(raw, FxRates.Default).Record!.WorkArrangement);
        Assert.Equal(WorkArrangements.Onsite, RecordNormalizer.Normalize(textOnly, FxRates.Default).Record!.WorkArrangement);
    }
}
