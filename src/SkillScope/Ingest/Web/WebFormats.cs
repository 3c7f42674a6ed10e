namespace SkillScope.Ingest.Web;

/// <summary>The readers for job data published on the web: board APIs and schema.org JobPosting.</summary>
public static class WebFormats
{
    /// <summary>Most specific first: the board shapes before the generic JSON-LD one.</summary>
    public static IReadOnlyList<IRecordFormat> All { get; } =
        [new GreenhouseFormat(), new LeverFormat(), new AshbyFormat(), new JobPostingFormat()];
}
