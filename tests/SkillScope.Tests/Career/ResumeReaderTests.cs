using System.IO.Compression;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

public class ResumeReaderTests
{
    [Fact]
    public void Markdown_resume_gives_titles_dates_years_education_certifications_and_bullets()
    {
        var resume = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));

        Assert.Equal(ResumeFormats.Markdown, resume.Format);
        Assert.Equal(["Senior Machine Learning Engineer", "Machine Learning Engineer", "Software Engineer"], resume.Positions.Select(p => p.Title));
        Assert.Equal(["Brightline Analytics", "Quanta Retail", "Fieldnote Labs"], resume.Positions.Select(p => p.Organization));
        Assert.True(resume.Positions[0].Current);
        Assert.Equal(new DateOnly(2018, 6, 1), resume.Positions[1].Start);
        Assert.Equal(new DateOnly(2021, 2, 1), resume.Positions[1].End);
        // Jul 2016 - Nov 2026 without gaps: 125 months.
        Assert.Equal(10.4, resume.YearsOfExperience);
        Assert.Equal("dated positions", resume.YearsBasis);
        Assert.Equal(EducationLevels.Master, resume.EducationLevel);
        Assert.Equal(["aws-ml-specialty"], resume.Certifications);
        Assert.Equal(11, resume.Bullets.Count);
        Assert.Equal(Roles.MlEngineer, resume.Role);
        Assert.Equal(Seniorities.Senior, resume.Seniority);
        Assert.Contains(resume.Skills, s => s.Id == "pytorch" && s.InBullets);
        Assert.Contains(resume.Skills, s => s.Id == "kubernetes" && !s.InBullets);
        Assert.Empty(resume.Warnings);
    }

    [Fact]
    public void Json_resume_reads_like_the_same_resume_in_markdown()
    {
        var markdown = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.md"));
        var json = CareerKit.Read(CareerKit.Fixture("strong-ml-engineer.json"));

        Assert.Equal(ResumeFormats.JsonResume, json.Format);
        Assert.Equal(markdown.Positions.Select(p => (p.Title, p.Organization, p.Start, p.End, p.Current)), json.Positions.Select(p => (p.Title, p.Organization, p.Start, p.End, p.Current)));
        Assert.Equal(markdown.YearsOfExperience, json.YearsOfExperience);
        Assert.Equal(markdown.EducationLevel, json.EducationLevel);
        Assert.Equal(markdown.Bullets, json.Bullets);
        Assert.Equal(markdown.Certifications, json.Certifications);
        Assert.Equal("US", json.Country);
        var mdSkills = markdown.Skills.Select(s => s.Id).ToHashSet();
        var jsonSkills = json.Skills.Select(s => s.Id).ToHashSet();
        Assert.True(jsonSkills.IsSubsetOf(mdSkills), "JSON finds skills the Markdown does not: " + string.Join(", ", jsonSkills.Except(mdSkills)));
        Assert.True(jsonSkills.Count >= mdSkills.Count - 2, "JSON misses: " + string.Join(", ", mdSkills.Except(jsonSkills)));
    }

    [Fact]
    public void Overlapping_positions_count_once()
    {
        var resume = CareerKit.FromText("""
            Jordan Lee
            EXPERIENCE
            Data Scientist, Acme Corp, Jan 2020 - Dec 2021
            - Built churn models in Python and scikit-learn for the retention team of the company
            Machine Learning Engineer (part-time consulting), Beta LLC, Jun 2021 - Present
            - Deployed forecasting models with Docker and Kubernetes for two retail clients
            Research Assistant, State University, 2016 - 2018
            - Wrote R scripts for survey analysis used in three published papers
            EDUCATION
            MSc Statistics, State University, 2016 - 2018
            """);

        // Jan 2020 - Nov 2026 (83 months, the two jobs overlap from Jun to Dec 2021) + 2016 - 2018 (24 months); education dates do not count.
        Assert.Equal(Math.Round(107 / 12.0, 1), resume.YearsOfExperience);
        Assert.Equal(["Machine Learning Engineer", "Data Scientist", "Research Assistant"], resume.Positions.Select(p => p.Title));
        Assert.Equal(EducationLevels.Master, resume.EducationLevel);
    }

    [Fact]
    public void Years_are_read_from_the_summary_when_no_position_is_dated()
    {
        var resume = CareerKit.FromText("""
            Alex Kim, Data Engineer
            Summary: Data engineer with 6 years of experience building batch and streaming pipelines in Spark and Airflow.
            Experience
            Data Engineer at Northwind
            - Moved 40 nightly jobs from cron to Airflow and cut failures by half
            """);

        Assert.Equal(6, resume.YearsOfExperience);
        Assert.Equal("stated", resume.YearsBasis);
    }

    [Fact]
    public void Docx_resume_list_paragraphs_become_bullets()
    {
        using var temp = new TempFolder();
        var path = temp.File("resume.docx");
        CareerKit.WriteDocx(path, File.ReadAllLines(CareerKit.Fixture("mismatched-data-analyst.txt")).Select(l => l.StartsWith('•') ? "- " + l[2..] : l));

        var resume = CareerKit.Read(path);
        var text = CareerKit.Read(CareerKit.Fixture("mismatched-data-analyst.txt"));

        Assert.Equal(ResumeFormats.Docx, resume.Format);
        Assert.Equal(text.Bullets, resume.Bullets);
        Assert.Equal(7, resume.Bullets.Count);
        Assert.Equal(text.YearsOfExperience, resume.YearsOfExperience);
        Assert.Equal(text.Skills.Select(s => s.Id), resume.Skills.Select(s => s.Id));
        Assert.Equal(EducationLevels.Bachelor, resume.EducationLevel);
    }

    [PdftotextFact]
    public void Pdf_resume_is_read_through_pdftotext()
    {
        using var temp = new TempFolder();
        var path = temp.File("resume.pdf");
        CareerKit.WritePdf(path, File.ReadAllLines(CareerKit.Fixture("mismatched-data-analyst.txt")));

        var resume = CareerKit.Read(path);
        var text = CareerKit.Read(CareerKit.Fixture("mismatched-data-analyst.txt"));

        Assert.Equal(ResumeFormats.Pdf, resume.Format);
        Assert.Equal(text.Positions.Select(p => p.Title), resume.Positions.Select(p => p.Title));
        Assert.Equal(text.YearsOfExperience, resume.YearsOfExperience);
        Assert.Equal(text.Bullets.Count, resume.Bullets.Count);
        Assert.Equal(text.Skills.Select(s => s.Id).Order(), resume.Skills.Select(s => s.Id).Order());
    }

    [PdftotextFact]
    public void Image_only_pdf_is_refused_as_having_no_text_layer()
    {
        using var temp = new TempFolder();
        var path = temp.File("scan.pdf");
        CareerKit.WriteImageOnlyPdf(path);

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains("no text layer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pdftotext_is_named_with_its_package()
    {
        using var temp = new TempFolder();
        var path = temp.File("resume.pdf");
        CareerKit.WritePdf(path, ["Jane Doe", "Data Scientist"]);

        var result = ResumeReader.Read(path, CareerKit.Options with { PdfToText = temp.File("no-such-pdftotext") });

        Assert.Null(result.Resume);
        Assert.Contains("poppler-utils", result.Error, StringComparison.Ordinal);
        Assert.Contains("pdftotext", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a zip at all, just text in a .docx", "is not a DOCX package")]
    [InlineData("PK\u0003\u0004 truncated zip header", "damaged")]
    public void Corrupted_docx_is_refused_with_a_reason(string content, string expected)
    {
        using var temp = new TempFolder();
        var path = temp.Write("resume.docx", content);

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.StartsWith("resume.docx: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_without_a_word_document_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.File("resume.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("hello");
        }

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains("damaged or not a Word document", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_that_expands_to_megabytes_of_text_is_refused()
    {
        using var temp = new TempFolder();
        var path = temp.File("bomb.docx");
        CareerKit.WriteDocx(path, [new string('a', 11_000_000)]);

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.True(new FileInfo(path).Length < 1_000_000);
        Assert.Null(result.Resume);
        Assert.Contains("expands to more than 10 million characters", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  \n")]
    public void Empty_resume_is_never_scored(string content)
    {
        using var temp = new TempFolder();
        var path = temp.Write("empty.txt", content);

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Matches("empty|no text", result.Error!);
    }

    [Fact]
    public void A_few_words_are_not_a_resume()
    {
        var result = ResumeReader.FromText("Jane Doe\njane@example.com\nPython SQL", ResumeFormats.Text, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains("only 7 words", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_20_MB_text_file_is_refused_before_it_is_read()
    {
        using var temp = new TempFolder();
        var path = temp.File("huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(20L * 1024 * 1024);
        }

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains("20.0 MB", result.Error, StringComparison.Ordinal);
        Assert.Contains("limit 1.0 MB", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resume_in_portuguese_is_refused_naming_the_language()
    {
        var result = ResumeReader.Read(CareerKit.Fixture("portuguese.txt"), CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains("Portuguese", result.Error, StringComparison.Ordinal);
        Assert.Contains("English resumes only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_resume_fields_of_the_wrong_type_are_left_out_with_their_path()
    {
        const string json = """
            {
              "basics": { "name": "Robin Park", "label": 42, "summary": "Data scientist working on forecasting and experimentation with Python, SQL and causal inference for retail pricing teams." },
              "work": [
                { "name": "Acme", "position": "Data Scientist", "startDate": 2019, "endDate": "2021-06", "highlights": "Built forecasting models" },
                { "name": "Beta", "position": "Senior Data Scientist", "startDate": "2021-07", "highlights": ["Ran 30 pricing experiments that raised margin by 2%", 7] },
                "not an object"
              ],
              "education": { "studyType": "PhD" },
              "skills": [ { "name": "Machine learning", "keywords": "Python" } ]
            }
            """;

        var result = ResumeReader.FromText(json, ResumeFormats.JsonResume, CareerKit.Options);

        Assert.NotNull(result.Resume);
        var resume = result.Resume;
        Assert.Contains("basics.label: expected text, found a number (42); ignored", resume.Warnings);
        Assert.Contains("work[0].startDate: expected text, found a number (2019); ignored", resume.Warnings);
        Assert.Contains("work[0].highlights: expected an array of text, found text; ignored", resume.Warnings);
        Assert.Contains("work[1].highlights[1]: expected text, found a number (7); ignored", resume.Warnings);
        Assert.Contains("work[2]: expected an object, found text; ignored", resume.Warnings);
        Assert.Contains("education: expected an array, found an object; ignored", resume.Warnings);
        Assert.Contains("skills[0].keywords: expected an array of text, found text; ignored", resume.Warnings);
        // Only the valid position counts: Jul 2021 - Nov 2026. No degree is invented from the ignored education object.
        Assert.Equal(Math.Round(65 / 12.0, 1), resume.YearsOfExperience);
        Assert.Null(resume.EducationLevel);
        Assert.Equal(["Ran 30 pricing experiments that raised margin by 2%"], resume.Bullets);
    }

    [Theory]
    [InlineData("[1, 2, 3]", "top level is an array")]
    [InlineData("{\"name\": \"x\", \"email\": \"y\"}", "not a JSON Resume")]
    [InlineData("{\"basics\": ", "not valid JSON")]
    public void Json_that_is_not_a_resume_is_refused(string json, string expected)
    {
        var result = ResumeReader.FromText(json, ResumeFormats.JsonResume, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, "resume.txt", "is an image")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "resume.doc", "Word 97-2003")]
    [InlineData(new byte[] { (byte)'{', (byte)'\\', (byte)'r', (byte)'t', (byte)'f', (byte)'1' }, "resume.rtf", "RTF")]
    [InlineData(new byte[] { (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, "resume.pdf", "not a PDF")]
    public void Unsupported_or_mislabelled_files_are_refused_with_what_to_do(byte[] head, string name, string expected)
    {
        using var temp = new TempFolder();
        var path = temp.File(name);
        File.WriteAllBytes(path, [.. head, .. new byte[64]]);

        var result = ResumeReader.Read(path, CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_message_not_an_exception()
    {
        var result = ResumeReader.Read("/no/such/resume.pdf", CareerKit.Options);

        Assert.Null(result.Resume);
        Assert.StartsWith("resume.pdf: file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_starting_after_the_as_of_date_is_not_counted()
    {
        var resume = CareerKit.FromText("""
            Casey Diaz
            EXPERIENCE
            Data Analyst, Orbit Inc, March 2020 - June 2022
            - Built weekly revenue dashboards in Tableau used by 40 sales managers across the company
            Senior Data Analyst, Nova Ltd, Jan 2027 - Present
            - Will lead the analytics work for the new product line of the company next year
            """);

        Assert.Equal(Math.Round(28 / 12.0, 1), resume.YearsOfExperience);
        Assert.Contains(resume.Warnings, w => w.Contains("starts after 2026-11-22", StringComparison.Ordinal));
    }
}
