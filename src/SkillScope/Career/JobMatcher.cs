using System.Globalization;
using SkillScope.Model;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Career;

public sealed record MatchRequest
{
    /// <summary>Which stored postings to consider (kind is always posting).</summary>
    public RecordFilter Filter { get; init; } = RecordFilter.None;

    public int Top { get; init; } = 10;

    /// <summary>How many postings, best by full-text relevance, are re-ranked on skills and fit.</summary>
    public int Candidates { get; init; } = 500;

    /// <summary>Where the person wants to work (ISO alpha-2); else the country the resume states, if any.</summary>
    public string? Country { get; init; }

    /// <summary>The work arrangement the person prefers (remote, hybrid, onsite), if any.</summary>
    public string? Arrangement { get; init; }
}

/// <summary>One ranked posting and why it ranks there.</summary>
/// <param name="SkillFit">0-1: the posting's skills the resume shows, required ones counting double.</param>
/// <param name="TitleFit">0-1: how well the resume's two most recent titles fit the posting's (as in the resume score).</param>
/// <param name="TextRelevance">0-1: BM25 relative to the best candidate.</param>
/// <param name="Fit">0-1: seniority, location and arrangement fit; null when none of them can be judged.</param>
public sealed record JobMatch(
    int Rank, long RecordId, string Title, string? Company, string? Location, string Role, string Seniority, string WorkArrangement,
    double Score, double SkillFit, double TitleFit, double TextRelevance, double? Fit, int TextRank,
    IReadOnlyList<string> MatchedRequired, IReadOnlyList<string> MatchedPreferred, IReadOnlyList<string> MissingRequired, IReadOnlyList<string> MissingPreferred,
    IReadOnlyList<string> Why)
{
    /// <summary>0-1: the posting's level against the resume's (same 1, one above 0.75, one below 0.5, unknown 0.5); null when the resume's level is unknown.</summary>
    public double? LevelFit { get; init; }

    /// <summary>Whether the stored text is a full description (full, snippet, summary, none).</summary>
    public string? TextKind { get; init; }

    /// <summary>0-1: how complete the posting's text is (full 1, summary or snippet 0.4, none 0): a short text hides what it asks.</summary>
    public double Completeness { get; init; }

    /// <summary>The pay the posting states (USD a year), or null when it states none (estimates are not stated pay).</summary>
    public string? Pay { get; init; }

    /// <summary>
    /// Other postings ranked that have this title and nearly this text (<see cref="JobMatcher.CopyJaccard"/>), whatever the
    /// company or place: the same ad posted by others or in other towns; this, their best-scoring one, stands for them.
    /// </summary>
    public int Copies { get; init; }
}

/// <param name="Indexed">Postings in the full-text index (before filters).</param>
/// <param name="Candidates">Postings re-ranked, among those matching the filters: the best by full text and the best of the resume's role.</param>
/// <param name="Terms">The phrases searched for.</param>
public sealed record MatchReport(
    long Indexed, int Candidates, IReadOnlyList<string> Terms, IReadOnlyList<JobMatch> Matches, IReadOnlyList<string> Notes);

/// <summary>
/// Ranks stored postings for a resume: full-text search picks the candidates the resume's skills and titles are most
/// relevant to (among all postings and among those of the resume's role), then each is scored on skill overlap
/// (required skills weigh double), text relevance and fit on level, place and arrangement. Deterministic: ties break on record id. Method: docs/resume-score.md.
/// </summary>
public static class JobMatcher
{
    public const double SkillWeight = 0.40;
    public const double TitleWeight = 0.25;
    public const double LevelWeight = 0.15;
    public const double CompletenessWeight = 0.10;
    public const double TextWeight = 0.05;
    public const double FitWeight = 0.05;

    /// <summary>
    /// Skill fit divides by at least this many points (a required skill is 2, a preferred one 1): a snippet that names one
    /// or two skills the resume has is not a 100% fit, it is a posting whose asks are unknown.
    /// </summary>
    public const double MinSkillPoints = 6;

    /// <summary>Terms in more than this share of the indexed postings are left out: BM25 gives them no weight.</summary>
    public const double MaxTermShare = 0.5;

    /// <summary>The terms searched for may appear, together, in at most this many postings per indexed posting.</summary>
    public const double ReadBudget = 0.75;

    /// <summary>
    /// ... and in at most this many postings whatever the size of the index: <see cref="ReadBudget"/> of a 100,000-posting
    /// index. A search's time grows with the postings it reads and ranks (BM25 for each), so on larger stores the rarest
    /// terms are searched up to this many postings; on stores up to 100,000 postings this changes nothing.
    /// </summary>
    public const long MaxRead = 75_000;

    /// <summary>
    /// When repeats and copies fold the candidates into fewer ads than asked for, both candidate lists grow (doubling) to at
    /// most this many times their asked length, so one request's work stays bounded on a store full of copies of a few ads;
    /// a list still short then says so in a note.
    /// </summary>
    public const int MaxCandidateGrowth = 16;

    /// <summary>
    /// Two postings with the same title whose texts share at least this estimated Jaccard similarity of word 3-shingles
    /// are one ad for a reader (listed once, the rest counted as <see cref="JobMatch.Copies"/>): lower than the ingest's
    /// <see cref="NearDuplicates.JaccardThreshold"/>, which also needs the same company and month to merge two stored
    /// postings, because an ad whose sentences were reordered or partly rewritten (0.6-0.75 measured on the scale file's
    /// copies) is still the same text to read; different jobs with one title share far less.
    /// </summary>
    public const double CopyJaccard = 0.5;

    private const int MaxTerms = 24;
    private const int MinTerms = 3;

    public static MatchReport Match(SkillStore store, SkillTaxonomy taxonomy, Resume resume, MatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(resume);
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<string>();
        var filter = request.Filter with { Kinds = [RecordKinds.Posting] };
        var indexed = PostingIndex.IndexedCount(store);
        var terms = Terms(store, taxonomy, resume, indexed, notes);
        if (terms.Count == 0)
        {
            notes.Add(indexed == 0
                ? "no postings are stored: ingest postings first"
                : "nothing in the resume to search for: none of its skills or job titles appears in the stored postings");
            return new MatchReport(indexed, 0, [], [], notes);
        }

        var limit = Math.Max(request.Candidates, request.Top);
        // The best postings of the resume's own role are candidates too, however they rank among all postings: full-text
        // ranking differs by engine (BM25 on SQLite, ts_rank without term rarity on PostgreSQL), and role fit must not.
        // Both come from one full-text pass.
        var ranking = PostingIndex.Rank(store, terms, filter, resume.Role == Roles.Other || filter.Roles.Count > 0 ? null : resume.Role);
        var coverage = new SkillCoverage(resume.Skills.Select(s => s.Id), taxonomy);
        var level = resume.Seniority;
        var country = request.Country ?? resume.Country;
        var generic = GenericSkills.Of(taxonomy);
        var postings = new Dictionary<long, IndexedPosting>();
        var fingerprints = new Dictionary<long, PostingFingerprint>();
        IReadOnlyList<(long Id, double Bm25)> hits, roleHits;
        Dictionary<long, (int Rank, double Relevance)> textRank;
        Listing listing;
        var asked = limit;
        var scores = new Dictionary<long, ((int Rank, double Relevance) Text, JobMatch Match)>();
        // Copies share their title: its fit to the resume's titles is worked out once per title and role.
        var titles = new Dictionary<(string Title, string Role), (double Fit, string? Title)>();
        while (true)
        {
            (hits, roleHits) = ranking.Take(limit);
            if (hits.Count + roleHits.Count == 0)
            {
                notes.Add("no stored posting that matches the filters mentions the resume's skills or titles");
                return new MatchReport(indexed, 0, terms, [], notes);
            }

            var best = hits.Count == 0 ? 0 : hits[0].Bm25;
            textRank = new Dictionary<long, (int Rank, double Relevance)>(hits.Count + roleHits.Count);
            for (var i = 0; i < hits.Count; i++)
            {
                textRank[hits[i].Id] = (i + 1, best < 0 ? hits[i].Bm25 / best : 0);
            }

            foreach (var (id, _) in roleHits)
            {
                textRank.TryAdd(id, (0, 0));
            }

            // Only postings not loaded by an earlier round are read.
            foreach (var posting in PostingIndex.Load(store, [.. textRank.Keys.Where(id => !postings.ContainsKey(id))], withText: false))
            {
                postings[posting.Id] = posting;
                if (posting.Fingerprint is { } fingerprint)
                {
                    fingerprints[posting.Id] = fingerprint;
                }
            }

            // A posting is scored again only when its text rank changed (a role-only candidate that joined the first list);
            // the listed ones are scored once more at the end, for the candidate count their reasons quote.
            var scored = new List<JobMatch>(textRank.Count);
            foreach (var (id, text) in textRank)
            {
                if (!postings.TryGetValue(id, out var posting))
                {
                    continue;
                }

                if (!scores.TryGetValue(id, out var known) || known.Text != text)
                {
                    known = (text, Score(posting, taxonomy, generic, coverage, resume, text, hits.Count, level, country, request.Arrangement, titles));
                    scores[id] = known;
                }

                scored.Add(known.Match);
            }

            scored.Sort(static (a, b) => Math.Round(a.Score, 9) != Math.Round(b.Score, 9)
                ? Math.Round(b.Score, 9).CompareTo(Math.Round(a.Score, 9))
                : a.RecordId.CompareTo(b.RecordId));
            listing = List(scored, request.Top, fingerprints);
            // Copies folded into fewer ads than asked for: rank more postings (both lists twice as long, the ranking
            // read on from where it stopped) until the list is full or every match is a candidate.
            if (listing.Listed.Count >= request.Top || hits.Count < limit || limit >= (long)asked * MaxCandidateGrowth)
            {
                break;
            }

            limit = (int)Math.Min((long)limit * 2, int.MaxValue);
        }

        var (listed, listedCopies, repeats, copies) = listing;
        if (limit > asked)
        {
            for (var i = 0; i < listed.Count; i++)
            {
                var id = listed[i].RecordId;
                listed[i] = Score(postings[id], taxonomy, generic, coverage, resume, textRank[id], hits.Count, level, country, request.Arrangement, titles) with { Rank = i + 1 };
            }
        }

        for (var i = 0; i < listed.Count; i++)
        {
            if (listedCopies[i] > 0)
            {
                var n = listedCopies[i];
                listed[i] = listed[i] with
                {
                    Copies = n,
                    Why = [.. listed[i].Why, string.Create(CultureInfo.InvariantCulture,
                        $"copies: {n} more posting{(n == 1 ? "" : "s")} ranked with this title and nearly this text (other companies or places) not listed")],
                };
            }
        }

        if (repeats > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{repeats} posting{(repeats == 1 ? "" : "s")} with the company, title and place of a better-ranked one left out (the same job posted again)"));
        }

        if (copies > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{copies} posting{(copies == 1 ? "" : "s")} with the title and nearly the text of a listed one (the same ad at other companies or places) counted on it as copies, not listed"));
        }

        if (limit > asked)
        {
            var capped = listed.Count < request.Top && hits.Count >= limit
                ? string.Create(CultureInfo.InvariantCulture, $" (at most {MaxCandidateGrowth} times the asked candidates are ranked; {listed.Count} distinct ad{(listed.Count == 1 ? "" : "s")} among them)")
                : "";
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"the {asked:N0} best by full text held fewer than {request.Top} distinct ads once repeats and copies were folded: the best {limit:N0} were ranked{capped}"));
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"ranked {textRank.Count:N0} postings{(Unfiltered(request.Filter) ? "" : " that match the filters")} of {indexed:N0} indexed: the {hits.Count:N0} most relevant by full text{(roleHits.Count == 0 ? "" : $" and the {roleHits.Count:N0} most relevant of the resume's role ({RoleNames.Of(resume.Role)})")}"));
        return new MatchReport(indexed, textRank.Count, terms, listed, notes);
    }

    private sealed record Listing(List<JobMatch> Listed, List<int> ListedCopies, int Repeats, int Copies);

    // The same job posted again (an HN ad each month, a board's re-listing) whose text changed enough to be stored
    // twice is one opportunity: list its best-scoring copy once.
    private static Listing List(List<JobMatch> scored, int top, Dictionary<long, PostingFingerprint> fingerprints)
    {
        static string Key(string? text) => text?.Trim().ToLowerInvariant() ?? "";
        var seen = new HashSet<(string, string, string)>();
        var listed = new List<JobMatch>(top);
        var listedCopies = new List<int>(top);
        var repeats = 0;
        var copies = 0;
        foreach (var match in scored)
        {
            if (!seen.Add((Key(match.Company), Key(match.Title), Key(match.Location))))
            {
                repeats += listed.Count < top ? 1 : 0;
                continue;
            }

            // The same ad at another company or place (a recruiter's or a franchise's copies): one listed, the rest counted
            // on it. Every candidate is compared, so a listed match's count covers all the postings ranked.
            var copyOf = CopyOf(match, listed, fingerprints);
            if (copyOf >= 0)
            {
                listedCopies[copyOf]++;
                copies += 1;
            }
            else if (listed.Count < top)
            {
                listed.Add(match with { Rank = listed.Count + 1 });
                listedCopies.Add(0);
            }
        }

        return new Listing(listed, listedCopies, repeats, copies);
    }

    /// <summary>
    /// The index of the listed match <paramref name="match"/> is a copy of, or -1: the same title (case and spaces aside)
    /// and at least <see cref="CopyJaccard"/> of their texts' word 3-shingles shared, estimated from the stored MinHash
    /// fingerprints (texts of at least <see cref="NearDuplicates.MinimumShingles"/> shingles), whatever the company,
    /// place or month. Postings without a stored fingerprint are nobody's copy.
    /// </summary>
    private static int CopyOf(JobMatch match, List<JobMatch> listed, Dictionary<long, PostingFingerprint> fingerprints)
    {
        if (!fingerprints.TryGetValue(match.RecordId, out var fingerprint) || fingerprint.Shingles < NearDuplicates.MinimumShingles)
        {
            return -1;
        }

        for (var i = 0; i < listed.Count; i++)
        {
            if (fingerprints.TryGetValue(listed[i].RecordId, out var other) && other.Shingles >= NearDuplicates.MinimumShingles
                && string.Equals(listed[i].Title.Trim(), match.Title.Trim(), StringComparison.OrdinalIgnoreCase)
                && NearDuplicates.Compare(fingerprint, other).Jaccard >= CopyJaccard)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// FTS phrases for the resume: the names of its hard skills and certifications (three letters or more: "R" or "Go"
    /// would match everywhere) and its two most recent titles without level words, rarest first. A phrase found in more
    /// than half of the indexed postings is left out (SQLite clamps its BM25 weight to nothing), and so are the commoner
    /// ones once the postings the search must read add up to 0.75 times the index or 75,000 (<see cref="MaxRead"/>):
    /// that bounds the time of a search whatever the resume and the store. At least the three rarest are kept. Skill
    /// overlap still counts every skill.
    /// </summary>
    internal static List<string> Terms(SkillStore store, SkillTaxonomy taxonomy, Resume resume, long indexed, List<string>? notes)
    {
        var phrases = new List<string>();
        foreach (var skill in resume.Skills.Where(s => s.Type != SkillTypes.Soft && s.Category != SkillCategories.HumanLanguage))
        {
            phrases.Add(taxonomy.Find(skill.Id)?.Name ?? skill.Name);
        }

        foreach (var position in resume.Positions.Take(2))
        {
            var words = PostingIndex.Tokens(position.Title).Where(t => !TitleLevelWords.Contains(t)).ToList();
            if (words.Count > 0)
            {
                phrases.Add(string.Join(' ', words));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tokenized = new List<IReadOnlyList<string>>();
        foreach (var phrase in phrases)
        {
            var tokens = PostingIndex.Tokens(phrase);
            if (tokens.Count > 0 && !(tokens.Count == 1 && tokens[0].Length < 3) && seen.Add(string.Join(' ', tokens)))
            {
                tokenized.Add(tokens);
            }
        }

        var df = PostingIndex.DocumentFrequencies(store, tokenized.SelectMany(t => t));
        var found = tokenized
            .Select(t => (Phrase: string.Join(' ', t), Df: t.Min(token => df[token])))
            .Where(f => f.Df > 0)
            .OrderBy(f => f.Df).ThenBy(f => f.Phrase, StringComparer.Ordinal)
            .ToList();
        // Rarest first, while the posting lists to read stay within the budget.
        var kept = new List<(string Phrase, long Df)>();
        long read = 0;
        foreach (var term in found)
        {
            if (kept.Count >= MinTerms && (term.Df > indexed * MaxTermShare || read + term.Df > Math.Min(indexed * ReadBudget, MaxRead) || kept.Count >= MaxTerms))
            {
                break;
            }

            kept.Add(term);
            read += term.Df;
        }

        if (found.Count > kept.Count)
        {
            notes?.Add(string.Create(CultureInfo.InvariantCulture,
                $"full text searched the resume's {kept.Count} rarest terms of {found.Count}; skill overlap counts all its skills"));
        }

        return [.. kept.Select(k => k.Phrase)];
    }

    private static JobMatch Score(
        IndexedPosting posting, SkillTaxonomy taxonomy, IReadOnlySet<string> generic, SkillCoverage coverage, Resume resume, (int Rank, double Relevance) text,
        int candidates, string level, string? country, string? arrangement, Dictionary<(string Title, string Role), (double Fit, string? Title)> titles)
    {
        List<string> matchedRequired = [], matchedPreferred = [], missingRequired = [], missingPreferred = [];
        double earned = 0, possible = 0;
        foreach (var (skillId, required) in posting.Skills)
        {
            var skill = taxonomy.Find(skillId);
            if (skill is null || skill.Type == SkillTypes.Soft || skill.Category == SkillCategories.HumanLanguage)
            {
                continue;
            }

            var weight = required ? 2.0 : 1.0;
            possible += weight;
            // A generic term (machine learning, databases) is covered in full by any skill below it.
            var credit = coverage.Has(skillId) ? 1 : coverage.Covers(skillId) ? (generic.Contains(skillId) ? 1 : ResumeScorer.ImpliedCredit) : 0;
            earned += weight * credit;
            (credit > 0 ? (required ? matchedRequired : matchedPreferred) : (required ? missingRequired : missingPreferred)).Add(skill.Name);
        }

        var skillFit = possible == 0 ? 0 : earned / Math.Max(possible, MinSkillPoints);
        var record = posting.Record;
        var why = new List<string>
        {
            possible == 0
                ? "skills: the posting names none"
                : string.Create(CultureInfo.InvariantCulture,
                    $"skills: {matchedRequired.Count} of {matchedRequired.Count + missingRequired.Count} required and {matchedPreferred.Count} of {matchedPreferred.Count + missingPreferred.Count} preferred shown ({skillFit:P0}){(matchedRequired.Count + matchedPreferred.Count > 0 ? ": " + string.Join(", ", matchedRequired.Concat(matchedPreferred).Take(8)) : "")}"),
        };
        if (missingRequired.Count > 0)
        {
            why.Add("missing required: " + string.Join(", ", missingRequired.Take(8)) + (missingRequired.Count > 8 ? string.Create(CultureInfo.InvariantCulture, $" and {missingRequired.Count - 8} more") : ""));
        }

        if (!titles.TryGetValue((record.Title, record.Role), out var fits))
        {
            titles[(record.Title, record.Role)] = fits = ResumeScorer.BestTitle(resume.Positions.Take(2), record.Title, record.Role);
        }

        var (titleFit, title) = fits;
        why.Add(title is null
            ? $"role: {RoleNames.Of(record.Role)}; no recent title of the resume fits"
            : string.Create(CultureInfo.InvariantCulture, $"role: {RoleNames.Of(record.Role)}; your title '{title}' fits {titleFit:0.0}"));

        var levelFit = LevelFit(level, record.Seniority);
        why.Add(levelFit is null ? $"level: {record.Seniority} (the resume's level is unknown)"
            : record.Seniority == Seniorities.Unknown ? $"level: not stated (resume reads {level})"
            : levelFit == 1 ? $"level: {record.Seniority}, as the resume"
            : $"level: {record.Seniority} posting, resume reads {level}");

        var completeness = posting.TextKind switch
        {
            TextKinds.Full => 1.0,
            TextKinds.Summary or TextKinds.Snippet => 0.4,
            TextKinds.None => 0,
            _ => 0.5,
        };
        why.Add(posting.TextKind switch
        {
            TextKinds.Full => "text: full description",
            TextKinds.Snippet => "text: a snippet cut by its source (what it asks may be in the part cut)",
            TextKinds.Summary => "text: a short summary (what it asks is not all there)",
            TextKinds.None => "text: none (title only)",
            _ => "text: completeness not recorded",
        } + (text.Rank == 0
            ? string.Create(CultureInfo.InvariantCulture, $"; among the best of its role, not of all postings by full text")
            : string.Create(CultureInfo.InvariantCulture, $"; BM25 rank {text.Rank} of {candidates}")));

        var place = record.Metro ?? record.LocationText ?? record.Country;
        if (place is not null || record.WorkArrangement != WorkArrangements.Unknown)
        {
            why.Add("place: " + string.Join(", ", new[] { place, record.WorkArrangement == WorkArrangements.Unknown ? null : record.WorkArrangement }.Where(p => p is not null)));
        }

        var pay = StatedPay(record.Salary);
        if (pay is not null)
        {
            why.Add("pay: " + pay);
        }

        var parts = new List<double>();
        if (country is not null && (record.WorkArrangement == WorkArrangements.Remote || record.Country is not null))
        {
            var placeFit = record.WorkArrangement == WorkArrangements.Remote || string.Equals(record.Country, country, StringComparison.Ordinal) ? 1.0 : 0;
            parts.Add(placeFit);
            why.Add(placeFit == 1
                ? record.WorkArrangement == WorkArrangements.Remote ? "wanted place: remote" : $"wanted place: {record.Country}, as wanted"
                : $"wanted place: {record.Country}, not {country}");
        }

        if (arrangement is not null && record.WorkArrangement != WorkArrangements.Unknown)
        {
            var arrangementFit = record.WorkArrangement == arrangement ? 1.0
                : record.WorkArrangement == WorkArrangements.Hybrid || arrangement == WorkArrangements.Hybrid ? 0.5 : 0;
            parts.Add(arrangementFit);
            why.Add(arrangementFit == 1 ? $"arrangement: {record.WorkArrangement}, as wanted" : $"arrangement: {record.WorkArrangement}, not {arrangement}");
        }

        double? fit = parts.Count == 0 ? null : parts.Average();
        var weights = SkillWeight + TitleWeight + CompletenessWeight + TextWeight + (levelFit is null ? 0 : LevelWeight) + (fit is null ? 0 : FitWeight);
        var score = 100 * ((SkillWeight * skillFit) + (TitleWeight * titleFit) + (LevelWeight * (levelFit ?? 0)) + (CompletenessWeight * completeness)
            + (TextWeight * text.Relevance) + (FitWeight * (fit ?? 0))) / weights;
        return new JobMatch(0, posting.Id, record.Title, record.Company, record.LocationText, record.Role, record.Seniority, record.WorkArrangement,
            Math.Round(score, 1, MidpointRounding.AwayFromZero), Math.Round(skillFit, 3), titleFit, Math.Round(text.Relevance, 3), fit is null ? null : Math.Round(fit.Value, 3),
            text.Rank, matchedRequired, matchedPreferred, missingRequired, missingPreferred, why)
        {
            LevelFit = levelFit,
            TextKind = posting.TextKind,
            Completeness = completeness,
            Pay = pay,
        };
    }

    /// <summary>"$120,000-$150,000 a year" when the posting states its pay (an estimate or a flagged figure is not stated pay).</summary>
    internal static string? StatedPay(Salary? salary)
    {
        if (salary is not { UsdAnnual: { } annual, IsEstimate: false, Flag: null })
        {
            return null;
        }

        return salary.UsdMin is { } min && salary.UsdMax is { } max && max > min
            ? string.Create(CultureInfo.InvariantCulture, $"${min:#,0}-${max:#,0} a year")
            : string.Create(CultureInfo.InvariantCulture, $"${annual:#,0} a year");
    }

    private static bool Unfiltered(RecordFilter f) =>
        f.Roles.Count + f.Seniorities.Count + f.Countries.Count + f.WorkArrangements.Count + f.EmploymentTypes.Count + f.Sources.Count == 0
        && f.Since is null && f.Until is null;

    private static readonly string[] LevelOrder = [Seniorities.Intern, Seniorities.Junior, Seniorities.Mid, Seniorities.Senior, Seniorities.Lead, Seniorities.Executive];

    /// <summary>
    /// Same level 1; one level up (the next step: a senior applying to lead roles) 0.75; one down 0.5; a posting that
    /// states no level 0.5; further apart 0. Null when the resume's level is unknown.
    /// </summary>
    private static double? LevelFit(string resume, string posting)
    {
        var a = Array.IndexOf(LevelOrder, resume);
        if (a < 0)
        {
            return null;
        }

        var b = Array.IndexOf(LevelOrder, posting);
        return b < 0 ? 0.5 : (b - a) switch { 0 => 1, 1 => 0.75, -1 => 0.5, _ => 0 };
    }

    private static readonly HashSet<string> TitleLevelWords = new(StringComparer.Ordinal)
    {
        "senior", "sr", "junior", "jr", "lead", "principal", "staff", "intern", "i", "ii", "iii", "iv", "entry", "level", "mid", "remote", "contract",
    };
}
