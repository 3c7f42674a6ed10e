using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Career;

/// <summary>Resumes written for these tests, real postings from the shared data, and file builders for DOCX and PDF.</summary>
internal static class CareerKit
{
    /// <summary>"Present" in the test resumes: fixed, so years of experience do not change with the calendar.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 22);

    public const string Glassdoor = "glassdoor_ds_2020_kenjee/glassdoor_jobs.csv";
    public const string LinkedIn = "linkedin_indeed_ca_2018/DataScientist.csv";
    public const string Indeed = "linkedin_indeed_ca_2018/cal_ds_500.csv";

    public static ResumeReadOptions Options { get; } = new() { AsOf = AsOf };

    public static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "SkillScope.Tests", "Fixtures", "resumes", name);

    public static Resume Read(string path, ResumeReadOptions? options = null)
    {
        var result = ResumeReader.Read(path, options ?? Options);
        Assert.True(result.Resume is not null, result.Error);
        return result.Resume!;
    }

    public static Resume FromText(string text, string format = ResumeFormats.Text)
    {
        var result = ResumeReader.FromText(text, format, Options);
        Assert.True(result.Resume is not null, result.Error);
        return result.Resume!;
    }

    /// <summary>A Glassdoor 2020 posting (real text) by title and company, as the normalizer reads it.</summary>
    public static JobRecord GlassdoorPosting(string title, string company)
    {
        var row = SharedData.ReadCsv(Glassdoor).First(r => r["Job Title"] == title && r["Company Name"].StartsWith(company, StringComparison.Ordinal));
        var raw = new RawRecord { Kind = RecordKinds.Posting, Title = row["Job Title"], Company = company, Location = row["Location"], Description = row["Job Description"] };
        return RecordNormalizer.Normalize(raw, FxRates.Default).Record!;
    }

    public static JobRecord MlEngineerPosting() => GlassdoorPosting("Machine Learning Engineer", "Information Builders");

    public static JobRecord DataAnalystPosting() => GlassdoorPosting("Data Analyst", "Sauce Labs");

    public static PostingProfile Profile(JobRecord record) => PostingProfile.From(record, SkillExtractor.Default);

    /// <summary>Writes a Word document: one paragraph per line; lines starting with "- " become list paragraphs.</summary>
    public static void WriteDocx(string path, IEnumerable<string> lines)
    {
        using var document = WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        foreach (var line in lines)
        {
            var paragraph = new Paragraph();
            var text = line;
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                paragraph.Append(new ParagraphProperties(
                    new ParagraphStyleId { Val = "ListParagraph" },
                    new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
                text = line[2..];
            }

            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(paragraph);
        }

        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>Writes a one-page PDF whose text layer holds the lines (Helvetica, WinAnsi; characters outside it become '?').</summary>
    public static void WritePdf(string path, IEnumerable<string> lines)
    {
        var content = new StringBuilder("BT /F1 7 Tf 40 800 Td 9 TL\n");
        foreach (var line in lines)
        {
            content.Append('(').Append(PdfString(line)).Append(") Tj T*\n");
        }

        content.Append("ET");
        WritePdfObjects(path, content.ToString(), "/Font << /F1 5 0 R >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    }

    /// <summary>Writes a one-page PDF that only draws an image: what a scanned resume looks like to a text extractor.</summary>
    public static void WriteImageOnlyPdf(string path)
    {
        const string content = "q 400 0 0 500 100 200 cm /Im1 Do Q";
        WritePdfObjects(path, content, "/XObject << /Im1 5 0 R >>",
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0010\u0080\u00c0\u00ff\nendstream");
    }

    private static void WritePdfObjects(string path, string content, string resources, string fifth)
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R /Resources << {resources} >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            fifth,
        };
        var latin1 = Encoding.Latin1;
        using var stream = new MemoryStream();
        void Write(string s) => stream.Write(latin1.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(stream.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = stream.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write(offset.ToString("D10", CultureInfo.InvariantCulture) + " 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllBytes(path, stream.ToArray());
    }

    private static string PdfString(string line)
    {
        var text = new StringBuilder();
        foreach (var c in line)
        {
            switch (c)
            {
                case '(' or ')' or '\\':
                    text.Append('\\').Append(c);
                    break;
                case '\u2013':
                    text.Append("\\226");
                    break;
                case '\u2022':
                    text.Append("\\225");
                    break;
                case '\u00B7':
                    text.Append("\\267");
                    break;
                default:
                    text.Append(c < 128 ? c : '?');
                    break;
            }
        }

        return text.ToString();
    }
}

/// <summary>A fact that needs pdftotext (poppler-utils); skipped, saying so, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PdftotextFactAttribute : FactAttribute
{
    public PdftotextFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "pdftotext")));
        if (!found)
        {
            Skip = "pdftotext is not installed (Debian package poppler-utils; scripts/test.sh installs it)";
        }
    }
}

/// <summary>
/// A store holding the real postings of the shared data (Glassdoor 2020, LinkedIn and Indeed 2018) and the bundled
/// USAJOBS sample, built once for the tests that share it and deleted afterwards.
/// </summary>
public sealed class RealPostingsStore : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Lazy<SkillStore> _store;

    public RealPostingsStore() => _store = new Lazy<SkillStore>(Build);

    public SkillStore Store => _store.Value;

    private SkillStore Build()
    {
        var store = SkillStore.Open(_folder.Db);
        var index = new SkillIndex(SkillExtractor.Default, SkillTaxonomy.Default.Version);
        index.MarkIfNew(store);
        var service = new IngestService(store, FxRates.Default, FixedTime.Default);
        foreach (var file in new[] { SharedData.Path(CareerKit.Glassdoor), SharedData.Path(CareerKit.LinkedIn), SharedData.Path(CareerKit.Indeed), Repo.BundledUsajobs })
        {
            service.Ingest(file, new IngestOptions());
        }

        PostingIndex.Update(store);
        return store;
    }

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        _folder.Dispose();
    }
}

/// <summary>
/// Snippets and full postings together, as a store fed by several boards holds them: Glassdoor 2020 (full texts), Adzuna
/// 2026 (snippets of 500 characters), the Hacker News 2026 threads (full texts, many ML roles with levels) and the
/// bundled USAJOBS summaries. Built once for the tests that share it.
/// </summary>
public sealed class MixedPostingsStore : IDisposable
{
    public const string Adzuna = "adzuna_us_2026/adzuna_jobs_raw.csv";
    public const string HnRuns = "hn_whoishiring_2026_fulltext/runs";
    public const string HnApril = "hn_whoishiring_2026_fulltext/runs/2026-04-17/raw.json";

    private readonly TempFolder _folder = new();
    private readonly Lazy<SkillStore> _store;

    public MixedPostingsStore() => _store = new Lazy<SkillStore>(Build);

    public SkillStore Store => _store.Value;

    private SkillStore Build()
    {
        var store = SkillStore.Open(_folder.Db);
        new SkillIndex(SkillExtractor.Default, SkillTaxonomy.Default.Version).MarkIfNew(store);
        var service = new IngestService(store, FxRates.Default, FixedTime.Default);
        var files = new List<string> { SharedData.Path(CareerKit.Glassdoor), SharedData.Path(Adzuna) };
        files.AddRange(Directory.GetDirectories(SharedData.Path(HnRuns)).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "raw.json")).Where(File.Exists));
        files.Add(Repo.BundledUsajobs);
        foreach (var file in files)
        {
            service.Ingest(file, new IngestOptions());
        }

        PostingIndex.Update(store);
        return store;
    }

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        _folder.Dispose();
    }
}
