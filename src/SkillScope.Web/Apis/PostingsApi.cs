using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;
using SkillScope.Web.Infrastructure;

namespace SkillScope.Web.Apis;

/// <summary>One stored record with every file row it came from, its skills and where in its text they are named.</summary>
/// <remarks>
/// Bounded whatever the record: the description is cut at <see cref="PostingsApi.MaxDescriptionChars"/> (then
/// <see cref="DescriptionLength"/> gives its full length and <see cref="Truncated"/> is true), the title at
/// <see cref="PostingSearch.MaxFieldChars"/>, and appearances and mentions at <see cref="PostingsApi.MaxListItems"/> each
/// (<see cref="AppearanceCount"/> gives how many there are).
/// </remarks>
public sealed record PostingDetail(
    long Id, string Source, string? SourceId, JobRecord Record,
    IReadOnlyList<RecordAppearance> Appearances, IReadOnlyList<PostingSkill> Skills, IReadOnlyList<PostingMention> Mentions,
    int? DescriptionLength, bool Truncated, int AppearanceCount);

public sealed record PostingSkill(string Skill, string Name, string Category, bool Required);

/// <summary>A skill named in the record's title or description, by UTF-16 offsets into that field.</summary>
public sealed record PostingMention(string Field, int Start, int End, string Skill, string Strength);

/// <summary>Postings search and detail: the records behind every report figure.</summary>
public static class PostingsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Deepest result reachable by paging; narrower filters or a text query find the rest.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>Longest description returned by GET /api/postings/{id} (characters): a response stays under a few MB.</summary>
    public const int MaxDescriptionChars = 200_000;

    /// <summary>Most appearances and most skill mentions returned for one record.</summary>
    public const int MaxListItems = 2_000;

    private static readonly string[] Sorts = ["relevance", "newest", "salary"];
    private static readonly string[] TextChoices = ["with", "without"];
    private static readonly string[] SalaryChoices = ["usable", "flagged"];

    public static IEndpointRouteBuilder MapPostingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/postings").WithTags("Postings");
        group.MapGet("", SearchPostings)
            .WithName("SearchPostings")
            .WithSummary("Search stored records; list the ones behind a report figure")
            .WithDescription("Records matching the report filters plus a cell's own condition (company, metro, skill, category, text, salary) " +
                "and optional full text (every word required; ranked by bm25, title first). `total` equals the report figure the " +
                "same conditions produced. Snippets mark matched words with U+0002 and U+0003.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .AcceptsQuery<PostingsParameters>();
        group.MapGet("/{id:long}", GetPosting)
            .WithName("GetPosting")
            .WithSummary("One stored record, with every source row it came from")
            .WithDescription("Normalized fields, stated salary, each file and row the record was read from (duplicates merged), " +
                "its indexed skills and where in its title and description they are named.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AcceptsQuery();
        return app;
    }

    internal static Results<Ok<PostingPage>, ProblemHttpResult> SearchPostings(
        [AsParameters] PostingsParameters parameters, StoreAccess stores, SkillTaxonomy taxonomy, ReportCache cache, HttpRequest request, CancellationToken cancellation)
    {
        if (!parameters.TryRead(taxonomy, out var query, out var bad))
        {
            return bad.ToProblem();
        }

        using var store = stores.OpenRead();
        if (!FilterParameters.TryMatchSources(store, query.Filter, out var filter, out bad))
        {
            return bad.ToProblem();
        }

        query = query with { Filter = filter };
        using var interrupt = store.InterruptOn(cancellation);
        // Pages of one search share a ranking of RankWindow results (see PostingSearch.Rank), cached like a report; the
        // pages read from a ranking are kept with it, so they are read again when it is.
        var start = query.Offset / RankWindow * RankWindow;
        var end = (query.Offset + query.Limit + RankWindow - 1) / RankWindow * RankWindow;
        var rankingKey = string.Create(CultureInfo.InvariantCulture, $"{request.Path}?{SearchConditions(request.Query)}#{start}-{end}");
        var ranking = cache.GetOrCompute(store, rankingKey, () =>
        {
            // Only a search that ranks needs the index current: one answered from the cache does not wait for its update.
            if (query.Text is not null)
            {
                stores.EnsureSearchIndex(store);
            }

            return new HeldRanking(PostingSearch.Rank(store, query with { Offset = start, Limit = end - start }, cancellation));
        });
        return TypedResults.Ok(ranking.Page(store, query, cancellation));
    }

    /// <summary>Results ranked at once for the pages of one search: five pages of the default size.</summary>
    internal const int RankWindow = 5 * DefaultPageSize;

    private sealed class HeldRanking(PostingRanking ranking)
    {
        /// <summary>Most pages kept per ranking (paging sizes vary little in practice; the rest are read each time).</summary>
        private const int MaxPages = 16;

        private readonly ConcurrentDictionary<(int Offset, int Limit), PostingPage> pages = new();

        public PostingPage Page(SkillStore store, PostingQuery query, CancellationToken cancellation)
        {
            if (pages.TryGetValue((query.Offset, query.Limit), out var held))
            {
                return held;
            }

            var page = PostingSearch.Page(store, query, ranking, cancellation);
            if (pages.Count < MaxPages)
            {
                pages.TryAdd((query.Offset, query.Limit), page);
            }

            return page;
        }
    }

    // The request's conditions without its paging, in a fixed order: the key of the ranking its pages share.
    private static string SearchConditions(IQueryCollection parameters) =>
        string.Join('&', parameters
            .Where(p => !p.Key.Equals("page", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("pageSize", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + string.Join(',', p.Value.Select(v => Uri.EscapeDataString(v ?? "")))));

    internal static Results<Ok<PostingDetail>, ProblemHttpResult> GetPosting(long id, StoreAccess stores, SkillTaxonomy taxonomy, SkillExtractor extractor, CancellationToken cancellation)
    {
        using var store = stores.OpenRead();
        using var interrupt = store.InterruptOn(cancellation);
        if (PostingSearch.Find(store, id) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"There is no record {id}.");
        }

        var full = found.Stored.Record;
        var record = full with
        {
            Title = Cut(full.Title, PostingSearch.MaxFieldChars),
            Company = full.Company is null ? null : Cut(full.Company, PostingSearch.MaxFieldChars),
            LocationText = full.LocationText is null ? null : Cut(full.LocationText, PostingSearch.MaxFieldChars),
            Description = full.Description is null ? null : Cut(full.Description, MaxDescriptionChars),
        };
        var truncated = record.Title.Length < full.Title.Length || record.Description?.Length < full.Description?.Length
            || record.Company?.Length < full.Company?.Length || record.LocationText?.Length < full.LocationText?.Length
            || found.Appearances.Count > MaxListItems;
        var skills = found.Skills
            .Select(s => taxonomy.Find(s.Skill) is { } skill
                ? new PostingSkill(s.Skill, skill.Name, skill.Category, s.Required)
                : new PostingSkill(s.Skill, s.Skill, "unknown", s.Required))
            .ToList();
        return TypedResults.Ok(new PostingDetail(
            found.Stored.Id, found.Stored.Source, found.Stored.SourceId, record, [.. found.Appearances.Take(MaxListItems)], skills,
            Mentions(record, extractor), full.Description?.Length, truncated, found.Appearances.Count));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    // The index extracts from "title\ndescription" (postings with text only); offsets are split back per field.
    private static List<PostingMention> Mentions(JobRecord record, SkillExtractor extractor)
    {
        if (record.Kind != RecordKinds.Posting || record.Description is null)
        {
            return [];
        }

        var descriptionStart = record.Title.Length + 1;
        var mentions = new List<PostingMention>();
        foreach (var m in extractor.Extract(record.Title + "\n" + record.Description))
        {
            if (m.End <= record.Title.Length)
            {
                mentions.Add(new PostingMention("title", m.Start, m.End, m.SkillId, m.Strength));
            }
            else if (m.Start >= descriptionStart)
            {
                mentions.Add(new PostingMention("description", m.Start - descriptionStart, m.End - descriptionStart, m.SkillId, m.Strength));
            }

            if (mentions.Count == MaxListItems)
            {
                break;
            }
        }

        return mentions;
    }

    /// <summary>The search's parameters: the record filters, a report cell's own condition, text, order and page.</summary>
    internal sealed class PostingsParameters : FilterParameters
    {
        [FromQuery(Name = "q"), Description("Words to find in title, company, location or description; all are required (stemmed, accents ignored).")]
        public string? Q { get; set; }

        [FromQuery(Name = "company"), Description("Exact company name, as in the market report's top companies; repeat for several (ORed). Commas are part of the name.")]
        public string[]? Company { get; set; }

        [FromQuery(Name = "metro"), Description("Exact metro name, as in the market report's top metros; repeat for several (ORed).")]
        public string[]? Metro { get; set; }

        [FromQuery(Name = "skill"), Description("Skill id the record must name; repeated or comma-separated ids are all required (a co-skill cell: anchor and partner).")]
        public string[]? Skill { get; set; }

        [FromQuery(Name = "category"), Description("Skill category: the record names at least one skill of it.")]
        public string? Category { get; set; }

        [FromQuery(Name = "text"), Description("with: only records with a description (the skill report's denominator); without: only those without.")]
        public string? Text { get; set; }

        [FromQuery(Name = "salary"), Description("usable: an annual USD salary used in statistics (the salary summary's sample); flagged: left out as implausible or unparsed.")]
        public string? Salary { get; set; }

        [FromQuery(Name = "sort"), Description("relevance (default; newest first without q), newest or salary.")]
        public string? Sort { get; set; }

        [FromQuery(Name = "page"), Description("Page number from 1.")]
        public string? Page { get; set; }

        [FromQuery(Name = "pageSize"), Description("Records per page: 1 to 100, default 20.")]
        public string? PageSize { get; set; }

        public bool TryRead(SkillTaxonomy taxonomy, out PostingQuery query, [NotNullWhen(false)] out BadParameter? bad)
        {
            query = new PostingQuery();
            if (!TryRead(out var filter, out bad)
                || !QueryValues.TryInt(PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, out var pageSize, out bad)
                || !QueryValues.TryInt(Page, "page", 1, MaxResultWindow, 1, out var page, out bad)
                || !QueryValues.TryChoice(Sort, "sort", Sorts, out var sort, out bad)
                || !QueryValues.TryChoice(Text, "text", TextChoices, out var text, out bad)
                || !QueryValues.TryChoice(Salary, "salary", SalaryChoices, out var salary, out bad)
                || !TryReadSkills(taxonomy, out var skills, out bad)
                || !TryReadCategory(taxonomy, out var categorySkills, out bad))
            {
                return false;
            }

            if ((long)page * pageSize > MaxResultWindow)
            {
                bad = new BadParameter("page", $"page {page} of {pageSize} goes past the first {MaxResultWindow:N0} results; narrow the filters or search text");
                return false;
            }

            if (!string.IsNullOrWhiteSpace(Q) && PostingSearch.ToMatchExpression(Q) is null)
            {
                bad = new BadParameter("q", $"q '{Q}' has no words to search for (letters or digits)");
                return false;
            }

            query = new PostingQuery
            {
                Filter = filter,
                Text = string.IsNullOrWhiteSpace(Q) ? null : Q,
                Companies = QueryValues.Repeated(Company),
                Metros = QueryValues.Repeated(Metro),
                AllSkills = skills,
                AnySkills = categorySkills,
                HasText = text switch { "with" => true, "without" => false, _ => null },
                Salary = salary switch { "usable" => SalaryCondition.Usable, "flagged" => SalaryCondition.Flagged, _ => SalaryCondition.Any },
                Sort = sort switch { "newest" => PostingSort.Newest, "salary" => PostingSort.Salary, _ => PostingSort.Relevance },
                Offset = (page - 1) * pageSize,
                Limit = pageSize,
            };
            return true;
        }

        private bool TryReadSkills(SkillTaxonomy taxonomy, out string[] skills, [NotNullWhen(false)] out BadParameter? bad)
        {
            (skills, bad) = (QueryValues.List(Skill), null);
            if (skills.FirstOrDefault(s => taxonomy.Find(s) is null) is { } unknown)
            {
                bad = new BadParameter("skill", $"skill '{unknown}' is not a skill id; see the skills listed by /api/meta");
                return false;
            }

            return true;
        }

        private bool TryReadCategory(SkillTaxonomy taxonomy, out string[]? skills, [NotNullWhen(false)] out BadParameter? bad)
        {
            (skills, bad) = (null, null);
            if (string.IsNullOrWhiteSpace(Category))
            {
                return true;
            }

            var category = Category.Trim();
            if (!SkillCategories.All.Contains(category, StringComparer.Ordinal))
            {
                bad = new BadParameter("category", $"category '{Category}' is not known; use one of: {string.Join(", ", SkillCategories.All)}");
                return false;
            }

            skills = taxonomy.Skills.Where(s => s.Category == category).Select(s => s.Id).ToArray();
            return true;
        }
    }
}
