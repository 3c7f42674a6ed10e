using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SkillScope.Career;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>
/// The job seeker's tools: `resume score`, `gap` and `match` (all `--format json`) over HTTP. The resume comes in the
/// request (a multipart file `resume` or a form field `resume` with its text), is read in memory and never stored.
/// </summary>
public static class ResumeApi
{
    private const string FormDescription = "Form fields (multipart/form-data or application/x-www-form-urlencoded): `resume` as a file " +
        "(.txt, .md, .json JSON Resume, .docx or .pdf; text at most 1 MB, as in the CLI) or as text, `format` (text, markdown or json-resume; default: from the file name, else text), " +
        "`asOf` (YYYY-MM-DD: the date 'present' stands for; default today). The resume is never stored. Bodies over 5 MB are refused (413).";

    private static readonly string[] TextFormats = [ResumeFormats.Text, ResumeFormats.Markdown, ResumeFormats.JsonResume];

    public static IEndpointRouteBuilder MapResumeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/resume/score", Score)
            .WithTags("Career")
            .WithName("ScoreResume")
            .Accepts<ResumeScoreForm>("multipart/form-data", "application/x-www-form-urlencoded")
            .WithSummary("Score a resume against a posting")
            .WithDescription("0-100 with the breakdown and what to change, most valuable first; the same JSON as `skillscope resume score --format json`. " +
                FormDescription + " The posting: `job` (its plain text) or `jobId` (a stored record id).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .AcceptsQuery();
        app.MapPost("/api/resume/gap", Gap)
            .WithTags("Career")
            .WithName("ResumeGap")
            .Accepts<ResumeGapForm>("multipart/form-data", "application/x-www-form-urlencoded")
            .WithSummary("The skills a resume lacks for a role, as a roadmap of phases with weeks")
            .WithDescription("Missing skills ranked by market value, as a roadmap of phases in prerequisite order with weeks from the effort table; " +
                "the same JSON as `skillscope gap --format json`. " +
                FormDescription + " Also `skills` (ids or names, comma-separated; with or instead of a resume), `targetRole` (required unless `preset`), " +
                "`targetSeniority`, `country`, `top` (1-100, default 12), `preset` (an article path to compare with: " + string.Join(", ", RoadmapPresets.Ids) +
                "), `includeSnippets` (true: count snippets and summaries in the shares) and `effort` (your effort table as CSV text or a file: skill,weeks,source[,resources]).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .AcceptsQuery();
        app.MapPost("/api/resume/match", Match)
            .WithTags("Career")
            .WithName("ResumeMatch")
            .Accepts<ResumeMatchForm>("multipart/form-data", "application/x-www-form-urlencoded")
            .WithSummary("Stored postings ranked for a resume")
            .WithDescription("Skill overlap, full-text relevance (BM25), level, place and arrangement; the same JSON as `skillscope match --format json`. " +
                FormDescription + " Also `top` (1-100, default 10), `candidates` (1-5000, default 500), `near` (ISO alpha-2), `preferArrangement` " +
                "(remote, hybrid or onsite) and the record filters of /api/market as form fields.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery()
            .AcceptsQuery();
        return app;
    }

    internal static async Task<Results<Ok<ResumeScore>, ProblemHttpResult>> Score(
        HttpRequest request, StoreAccess stores, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken cancellation)
    {
        var (form, failure) = await ReadFormAsync(request, ["resume", "format", "asOf", "job", "jobId"]).ConfigureAwait(false);
        if (form is null)
        {
            return failure!;
        }

        var job = form["job"].ToString();
        var jobId = form["jobId"].ToString();
        if (string.IsNullOrWhiteSpace(job) == string.IsNullOrWhiteSpace(jobId))
        {
            return Bad("job", "give the posting with exactly one of job (its text) or jobId (a stored record id)");
        }

        using var store = stores.OpenRead();

        using var interrupt = store.InterruptOn(cancellation);
        PostingReadResult posting;
        if (!string.IsNullOrWhiteSpace(jobId))
        {
            if (!long.TryParse(jobId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Bad("jobId", $"jobId '{Shorten(jobId)}' is not a record id");
            }

            posting = PostingInput.FromStore(store, id);
            if (posting.Record is null)
            {
                return Bad("jobId", "jobId: " + posting.Error);
            }
        }
        else
        {
            posting = PostingInput.FromText(job, "job");
            if (posting.Record is null)
            {
                return Bad("job", posting.Error!);
            }
        }

        var (resume, bad) = await ReadResumeAsync(form, taxonomy, time, required: true).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var profile = PostingProfile.From(posting.Record, new SkillExtractor(taxonomy), posting.RecordId);
        var market = RoleDemand.Compute(store, taxonomy, profile.Role);
        return TypedResults.Ok(ResumeScorer.Score(resume!, profile, taxonomy, market));
    }

    internal static async Task<Results<Ok<SkillGapReport>, ProblemHttpResult>> Gap(
        HttpRequest request, StoreAccess stores, ReportCache cache, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken cancellation)
    {
        var (form, failure) = await ReadFormAsync(request,
            ["resume", "format", "asOf", "skills", "targetRole", "targetSeniority", "country", "top", "preset", "includeSnippets", "effort"]).ConfigureAwait(false);
        if (form is null)
        {
            return failure!;
        }

        RoadmapPreset? preset = null;
        if (form["preset"].ToString().Trim() is { Length: > 0 } presetId && (preset = RoadmapPresets.Find(presetId)) is null)
        {
            return Bad("preset", $"preset '{Shorten(presetId)}' is not known; use one of: {string.Join(", ", RoadmapPresets.Ids)}");
        }

        var targetRole = form["targetRole"].ToString().Trim() is { Length: > 0 } asked ? asked : preset?.TargetRole ?? "";
        if (!Roles.All.Contains(targetRole))
        {
            return Bad("targetRole", $"targetRole '{Shorten(targetRole)}' is not known; use one of: {string.Join(", ", Roles.All)}");
        }

        var level = form["targetSeniority"].ToString().Trim() is { Length: > 0 } l ? l : null;
        if (level is not null && (!Seniorities.All.Contains(level) || level == Seniorities.Unknown))
        {
            return Bad("targetSeniority", $"targetSeniority '{Shorten(level)}' is not known; use one of: {string.Join(", ", Seniorities.All.Where(s => s != Seniorities.Unknown))}");
        }

        if (!TryCountry(form["country"].ToString(), "country", out var country, out var badCountry))
        {
            return badCountry!;
        }

        if (!QueryValues.TryInt(form["top"].ToString(), "top", 1, 100, 12, out var top, out var badTop))
        {
            return badTop.ToProblem();
        }

        var snippets = form["includeSnippets"].ToString().Trim();
        if (snippets.Length > 0 && snippets is not ("true" or "false"))
        {
            return Bad("includeSnippets", $"includeSnippets '{Shorten(snippets)}' is not true or false");
        }

        var effort = EffortTable.Shipped;
        string? effortText = null;
        if (form.Files.GetFile("effort") is { } effortFile)
        {
            using var effortReader = new StreamReader(effortFile.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            effortText = await effortReader.ReadToEndAsync(cancellation).ConfigureAwait(false);
        }
        else if (form["effort"].ToString() is { Length: > 0 } effortField)
        {
            effortText = effortField;
        }

        if (effortText is not null)
        {
            var name = form.Files.GetFile("effort")?.FileName is { Length: > 0 } fileName ? Path.GetFileName(fileName.Replace('\\', '/')) : "effort";
            var parsed = EffortTable.FromText(effortText, Shorten(name), taxonomy, out var effortError);
            if (parsed is null)
            {
                return Bad("effort", effortError!);
            }

            effort = parsed;
        }

        var (resume, bad) = await ReadResumeAsync(form, taxonomy, time, required: false).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        var given = QueryValues.List(Values(form, "skills"));
        if (resume is null && given.Length == 0)
        {
            return Bad("resume", "give a resume or skills (comma-separated ids or names)");
        }

        var have = resume?.Skills.Select(s => s.Id).ToList() ?? [];
        have.AddRange(given.Select(name => taxonomy.Resolve(name)?.Id).OfType<string>());
        using var store = stores.OpenRead();
        using var interrupt = store.InterruptOn(cancellation);
        var gapRequest = new GapRequest
        {
            Have = [.. have.Distinct(StringComparer.Ordinal)],
            TargetRole = targetRole,
            TargetSeniority = level,
            Country = country,
            Top = top,
            IncludeSnippets = snippets == "true",
            Effort = effort,
            Preset = preset,
        };
        return TypedResults.Ok(SkillGap.Compute(store, taxonomy, gapRequest, SalaryModelInsight.For(store, taxonomy,
            () => cache.GetOrCompute(store, "gap:premiums:" + taxonomy.Version, () => SalaryModelInsight.FitPremiums(store, taxonomy)))));
    }

    internal static async Task<Results<Ok<MatchReport>, ProblemHttpResult>> Match(
        HttpRequest request, StoreAccess stores, SkillTaxonomy taxonomy, TimeProvider time, CancellationToken cancellation)
    {
        string[] filterNames = ["kind", "role", "seniority", "country", "arrangement", "employmentType", "source", "since", "until"];
        var (form, failure) = await ReadFormAsync(request, ["resume", "format", "asOf", "top", "candidates", "near", "preferArrangement", .. filterNames]).ConfigureAwait(false);
        if (form is null)
        {
            return failure!;
        }

        var filters = new FilterParameters
        {
            Kind = Values(form, "kind"), Role = Values(form, "role"), Seniority = Values(form, "seniority"), Country = Values(form, "country"),
            Arrangement = Values(form, "arrangement"), EmploymentType = Values(form, "employmentType"), Source = Values(form, "source"),
            Since = form["since"].ToString() is { Length: > 0 } since ? since : null, Until = form["until"].ToString() is { Length: > 0 } until ? until : null,
        };
        if (!filters.TryRead(out var filter, out var badFilter)
            || !QueryValues.TryInt(form["top"].ToString(), "top", 1, 100, 10, out var top, out badFilter)
            || !QueryValues.TryInt(form["candidates"].ToString(), "candidates", 1, 5000, 500, out var candidates, out badFilter)
            || !QueryValues.TryChoice(form["preferArrangement"].ToString(), "preferArrangement",
                [WorkArrangements.Remote, WorkArrangements.Hybrid, WorkArrangements.Onsite], out var arrangement, out badFilter))
        {
            return badFilter.ToProblem();
        }

        if (filter.Kinds.Any(k => k != RecordKinds.Posting))
        {
            return Bad("kind", "match ranks postings only; drop kind or use kind=posting");
        }

        if (!TryCountry(form["near"].ToString(), "near", out var near, out var badNear))
        {
            return badNear!;
        }

        var (resume, bad) = await ReadResumeAsync(form, taxonomy, time, required: true).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        stores.EnsureMatchIndex();
        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, filter, out filter, out var badSource))
        {
            return badSource.ToProblem();
        }
        using var interrupt = store.InterruptOn(cancellation);
        return TypedResults.Ok(JobMatcher.Match(store, taxonomy, resume!, new MatchRequest
        {
            Filter = filter,
            Top = top,
            Candidates = candidates,
            Country = near,
            Arrangement = arrangement,
        }));
    }

    private static async Task<(IFormCollection? Form, ProblemHttpResult? Failure)> ReadFormAsync(HttpRequest request, string[] names)
    {
        if (request.ContentLength > SkillScopeWeb.MaxRequestBodyBytes)
        {
            return (null, TooLarge());
        }

        if (!request.HasFormContentType)
        {
            return (null, Bad("resume", "send the fields as multipart/form-data or application/x-www-form-urlencoded"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = SkillScopeWeb.MaxRequestBodyBytes,
                ValueLengthLimit = (int)SkillScopeWeb.MaxRequestBodyBytes,
                BufferBodyLengthLimit = SkillScopeWeb.MaxRequestBodyBytes,
            }, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException)
        {
            // Only a body over the limit is a 413; a missing boundary, a truncated or garbled multipart body, too
            // many fields or over-long part headers are the client's malformed request.
            return (null, IsOverBodyLimit(request, e) ? TooLarge() : Malformed(e));
        }

        var known = names.ToHashSet(StringComparer.Ordinal);
        if (form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            return (null, Bad(Shorten(unknown), $"unknown field '{Shorten(unknown)}'; this endpoint takes: {string.Join(", ", names)}"));
        }

        return (form, null);
    }

    private static async Task<(Resume? Resume, ProblemHttpResult? Bad)> ReadResumeAsync(IFormCollection form, SkillTaxonomy taxonomy, TimeProvider time, bool required)
    {
        var asOf = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (form["asOf"].ToString() is { Length: > 0 } asOfText
            && !DateOnly.TryParseExact(asOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            return (null, Bad("asOf", $"asOf '{Shorten(asOfText)}' is not a date; use YYYY-MM-DD"));
        }

        // The shared extractor when it is the served taxonomy's: building one (its pattern trie) costs tens of ms a request.
        var extractor = ReferenceEquals(taxonomy, SkillExtractor.Default.Taxonomy) ? SkillExtractor.Default : new SkillExtractor(taxonomy);
        var options = new ResumeReadOptions { AsOf = asOf, Extractor = extractor };
        var format = form["format"].ToString().Trim();
        if (format.Length > 0 && !TextFormats.Contains(format, StringComparer.Ordinal))
        {
            return (null, Bad("format", $"format '{Shorten(format)}' is not known; use one of: {string.Join(", ", TextFormats)}"));
        }

        string? text = null;
        if (form.Files.GetFile("resume") is { } file)
        {
            if (format.Length == 0)
            {
                // Read exactly as the CLI reads a file (text, Markdown, JSON Resume, DOCX, PDF; the same limits and messages).
                var read = await ReadUploadAsync(file, options).ConfigureAwait(false);
                return read.Resume is null ? (null, ResumeProblem(read.Error!)) : (read.Resume, null);
            }

            if (file.Length > ResumeReader.MaxTextBytes)
            {
                return (null, ResumeTooLarge(file.Length));
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync().ConfigureAwait(false);
        }
        else if (form["resume"].ToString() is { Length: > 0 } field)
        {
            text = field;
            if (Encoding.UTF8.GetByteCount(text) > ResumeReader.MaxTextBytes)
            {
                return (null, ResumeTooLarge(Encoding.UTF8.GetByteCount(text)));
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, required ? Bad("resume", "give the resume as a file or as text in the field 'resume'") : null);
        }

        var result = ResumeReader.FromText(text, format.Length == 0 ? ResumeFormats.Text : format, options);
        return result.Resume is null ? (null, Bad("resume", "resume: " + result.Error)) : (result.Resume, null);
    }

    // The upload goes to a private temporary folder (owner-only) for the length of the read, then is deleted:
    // DOCX and PDF are read from a file, and pdftotext needs one.
    private static async Task<ResumeReadResult> ReadUploadAsync(IFormFile file, ResumeReadOptions options)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        name = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        if (name.Trim('.').Length == 0)
        {
            name = "resume";
        }

        var folder = Directory.CreateTempSubdirectory("skillscope-resume-");
        try
        {
            var path = Path.Combine(folder.FullName, name.Length > 100 ? name[^100..] : name);
            var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using (output.ConfigureAwait(false))
            {
                await file.CopyToAsync(output).ConfigureAwait(false);
            }

            return ResumeReader.Read(path, options);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // The reader's messages name the file; a size refusal is a 413 like the body limit.
    private static ProblemHttpResult ResumeProblem(string error) =>
        error.Contains("(limit ", StringComparison.Ordinal)
            ? TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Resume too large", detail: error,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameter"] = "resume" })
            : Bad("resume", error);

    private static ProblemHttpResult ResumeTooLarge(long bytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Resume too large",
        detail: $"the resume is {bytes / (1024.0 * 1024.0):0.0} MB of text; a resume is a few pages (limit {ResumeReader.MaxTextBytes / (1024 * 1024)} MB, as in the CLI)",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameter"] = "resume" });

    private static bool TryCountry(string text, string parameter, out string? country, out ProblemHttpResult? bad)
    {
        (country, bad) = (null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        country = text.Trim().ToUpperInvariant();
        if (country.Length == 2 && country.All(char.IsAsciiLetterUpper))
        {
            return true;
        }

        bad = Bad(parameter, $"{parameter} '{Shorten(text)}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)");
        return false;
    }

    private static string[]? Values(IFormCollection form, string name) => form.TryGetValue(name, out var values) ? values.OfType<string>().ToArray() : null;

    private static ProblemHttpResult Bad(string parameter, string message) => new BadParameter(parameter, message).ToProblem();

    private static bool IsOverBodyLimit(HttpRequest request, Exception e) =>
        request.ContentLength is not { } length || length > SkillScopeWeb.MaxRequestBodyBytes
            ? e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase)
            : false;

    private static ProblemHttpResult Malformed(Exception e) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Malformed form body",
        detail: $"the form body cannot be read ({Shorten(e.Message.TrimEnd('.'))}); send the fields as multipart/form-data or application/x-www-form-urlencoded",
        extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameter"] = "resume" });

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
        detail: $"the request body is over {SkillScopeWeb.MaxRequestBodyBytes / (1024 * 1024)} MB; a resume is a few pages");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}

/// <summary>The fields of POST /api/resume/score, for the OpenAPI document (the handler reads the form itself).</summary>
internal sealed class ResumeScoreForm
{
    [Description("The resume: a file (.txt, .md, .json JSON Resume, .docx, .pdf) or its text.")]
    public string? Resume { get; set; }

    [Description("text, markdown or json-resume; default from the file name, else text.")]
    public string? Format { get; set; }

    [Description("YYYY-MM-DD: the date 'present' in the resume stands for; default today.")]
    public string? AsOf { get; set; }

    [Description("The posting's plain text (first line: its title). Give job or jobId.")]
    public string? Job { get; set; }

    [Description("A stored posting's record id. Give job or jobId.")]
    public string? JobId { get; set; }
}

/// <summary>The fields of POST /api/resume/gap.</summary>
internal sealed class ResumeGapForm
{
    [Description("The resume: a file (.txt, .md, .json JSON Resume, .docx, .pdf) or its text; or give skills.")]
    public string? Resume { get; set; }

    [Description("text, markdown or json-resume; default from the file name, else text.")]
    public string? Format { get; set; }

    [Description("YYYY-MM-DD: the date 'present' in the resume stands for; default today.")]
    public string? AsOf { get; set; }

    [Description("Skills you have, ids or names, comma-separated.")]
    public string? Skills { get; set; }

    [Description("The role you want (required), e.g. ml_engineer.")]
    public string? TargetRole { get; set; }

    [Description("The level you want: intern, junior, mid, senior, lead or executive.")]
    public string? TargetSeniority { get; set; }

    [Description("Where: ISO 3166-1 alpha-2, e.g. US.")]
    public string? Country { get; set; }

    [Description("How many missing skills to rank: 1-100, default 12.")]
    public string? Top { get; set; }

    [Description("An article path to compare the roadmap with: career-change-data-science, data-scientist-to-ml-engineer or ml-engineer-to-llm-specialist.")]
    public string? Preset { get; set; }

    [Description("true: count snippets and summaries in the shares too (default false: full texts only).")]
    public string? IncludeSnippets { get; set; }

    [Description("Your effort table, CSV text or a file (skill,weeks,source[,resources]); its rows replace the shipped rows.")]
    public string? Effort { get; set; }
}

/// <summary>The fields of POST /api/resume/match (plus the record filters of /api/market).</summary>
internal sealed class ResumeMatchForm
{
    [Description("The resume: a file (.txt, .md, .json JSON Resume, .docx, .pdf) or its text.")]
    public string? Resume { get; set; }

    [Description("text, markdown or json-resume; default from the file name, else text.")]
    public string? Format { get; set; }

    [Description("YYYY-MM-DD: the date 'present' in the resume stands for; default today.")]
    public string? AsOf { get; set; }

    [Description("How many postings to list: 1-100, default 10.")]
    public string? Top { get; set; }

    [Description("How many full-text candidates to re-rank: 1-5000, default 500.")]
    public string? Candidates { get; set; }

    [Description("Where you want to work (ISO alpha-2); remote postings fit anywhere.")]
    public string? Near { get; set; }

    [Description("remote, hybrid or onsite: the arrangement you prefer.")]
    public string? PreferArrangement { get; set; }
}
