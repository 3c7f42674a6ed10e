using System.CommandLine;
using System.Globalization;
using SkillScope.Career;
using SkillScope.Cli.Rendering;
using SkillScope.Model;
using SkillScope.Skills;
using SkillScope.Store;

namespace SkillScope.Cli.Commands;

/// <summary>`resume score|parse`, `gap` and `match`: the job seeker's tools. A resume is read locally and stored only with --save.</summary>
internal static class CareerCommands
{
    public static Command Resume(CliContext context)
    {
        var resume = new Command("resume", "Read a resume and score it against a posting (the resume is not stored unless --save)");
        resume.Subcommands.Add(Score(context));
        resume.Subcommands.Add(Parse(context));
        return resume;
    }

    private static Command Score(CliContext context)
    {
        var file = ResumeArgument();
        var job = new Option<string?>("--job") { Description = "A posting file: any format ingest reads (its first record), or the posting's plain text" };
        var jobId = new Option<long?>("--job-id") { Description = "A stored posting's record id (see 'skillscope match' or 'export')" };
        var shared = new SharedOptions(CommonOptions.OutputFormat("table", "json", "md"));
        var command = new Command("score", "Score a resume 0-100 against a posting, with the breakdown and what to change, most valuable first");
        command.Arguments.Add(file);
        command.Options.Add(job);
        command.Options.Add(jobId);
        shared.AddTo(command);
        command.SetAction(result =>
        {
            var jobFile = result.GetValue(job);
            var id = result.GetValue(jobId);
            if ((jobFile is null) == (id is null))
            {
                throw new CliError("give the posting with exactly one of --job FILE or --job-id ID");
            }

            var taxonomy = SkillsCommands.LoadTaxonomy(result.GetValue(shared.Taxonomy));
            var read = ReadResume(context, result, file, shared, taxonomy);
            var dbPath = SkillStore.ResolvePath(result.GetValue(shared.Db));
            var needStore = id is not null || result.GetValue(shared.Save) || SkillStore.Exists(dbPath);
            using var store = needStore ? OpenExisting(dbPath, mustExist: id is not null) : null;
            var posting = id is { } recordId ? PostingInput.FromStore(store!, recordId) : PostingInput.FromFile(jobFile!);
            if (posting.Record is null)
            {
                throw new CliError(posting.Error!);
            }

            var profile = PostingProfile.From(posting.Record, new SkillExtractor(taxonomy), posting.RecordId);
            var market = store is null ? null : RoleDemand.Compute(store, taxonomy, profile.Role);
            var score = ResumeScorer.Score(read, profile, taxonomy, market);
            SaveIfAsked(context, result, shared, store, read, result.GetValue(file)!);
            CareerRenderer.WriteScore(context, score, Path.GetFileName(result.GetValue(file)!), result.GetValue(shared.Format)!);
            return 0;
        });
        return command;
    }

    private static Command Parse(CliContext context)
    {
        var file = ResumeArgument();
        var shared = new SharedOptions(CommonOptions.OutputFormat("table", "json"));
        var command = new Command("parse", "Show what SkillScope reads from a resume: skills, positions, years, education, bullets");
        command.Arguments.Add(file);
        shared.AddTo(command);
        command.SetAction(result =>
        {
            var taxonomy = SkillsCommands.LoadTaxonomy(result.GetValue(shared.Taxonomy));
            var read = ReadResume(context, result, file, shared, taxonomy);
            var dbPath = SkillStore.ResolvePath(result.GetValue(shared.Db));
            using (var store = result.GetValue(shared.Save) ? OpenExisting(dbPath, mustExist: false) : null)
            {
                SaveIfAsked(context, result, shared, store, read, result.GetValue(file)!);
            }

            CareerRenderer.WriteResume(context, read, Path.GetFileName(result.GetValue(file)!), result.GetValue(shared.Format)!);
            return 0;
        });
        return command;
    }

    public static Command Gap(CliContext context)
    {
        var file = new Argument<string?>("RESUME") { Description = "Resume file (.txt, .md, .docx, .json JSON Resume, .pdf); or give --skills", Arity = ArgumentArity.ZeroOrOne };
        var skills = new Option<string[]>("--skills") { Description = "Skills you have, as ids or names (comma-separate or repeat)", AllowMultipleArgumentsPerToken = true };
        var role = new Option<string?>("--target-role") { Description = "The role you want: " + string.Join(", ", Roles.All) + " (default: the preset's)" };
        var level = new Option<string?>("--target-seniority") { Description = "The level you want: " + string.Join("|", Seniorities.All.Where(s => s != Seniorities.Unknown)) };
        var country = new Option<string?>("--country") { Description = "Where (ISO 3166-1 alpha-2, e.g. US)" };
        var top = new Option<int>("--top") { Description = "How many missing skills to rank", DefaultValueFactory = _ => 12 };
        var effort = new Option<string?>("--effort") { Description = "Your effort table (CSV: skill,weeks,source[,resources]); its rows replace the shipped data/taxonomy/effort.csv rows" };
        var preset = new Option<string?>("--preset") { Description = "Compare with an article's path: " + string.Join(", ", RoadmapPresets.Ids) };
        var snippets = new Option<bool>("--include-snippets") { Description = "Count snippets and summaries in the shares too (default: full texts only)" };
        var output = new Option<string?>("--out") { Description = "Also write the roadmap as Markdown to this file (to keep)" };
        var shared = new SharedOptions(CommonOptions.OutputFormat("table", "json", "md", "markdown"));
        var command = new Command("gap", "The skills you lack for a role, ranked by market value, as a roadmap of phases with weeks in prerequisite order");
        command.Arguments.Add(file);
        foreach (var option in (Option[])[skills, role, level, country, top, effort, preset, snippets, output])
        {
            command.Options.Add(option);
        }

        shared.AddTo(command);
        command.SetAction(result =>
        {
            var presetId = result.GetValue(preset);
            var chosen = presetId is null ? null : RoadmapPresets.Find(presetId)
                ?? throw new CliError($"--preset '{presetId}' is not known; use one of: {string.Join(", ", RoadmapPresets.Ids)}");
            var targetRole = result.GetValue(role) ?? chosen?.TargetRole
                ?? throw new CliError("give --target-role ROLE (one of: " + string.Join(", ", Roles.All) + ") or --preset ID");
            if (!Roles.All.Contains(targetRole))
            {
                throw new CliError($"--target-role '{targetRole}' is not known; use one of: {string.Join(", ", Roles.All)}");
            }

            var targetLevel = result.GetValue(level);
            if (targetLevel is not null && (!Seniorities.All.Contains(targetLevel) || targetLevel == Seniorities.Unknown))
            {
                throw new CliError($"--target-seniority '{targetLevel}' is not known; use one of: {string.Join(", ", Seniorities.All.Where(s => s != Seniorities.Unknown))}");
            }

            var where = result.GetValue(country)?.Trim().ToUpperInvariant();
            if (where is not null && (where.Length != 2 || !where.All(char.IsAsciiLetterUpper)))
            {
                throw new CliError($"--country '{where}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)");
            }

            if (result.GetValue(top) <= 0)
            {
                throw new CliError("--top must be a positive number");
            }

            var taxonomy = SkillsCommands.LoadTaxonomy(result.GetValue(shared.Taxonomy));
            var table = EffortTable.Load(result.GetValue(effort), taxonomy, out var effortError) ?? throw new CliError(effortError!);
            var given = (result.GetValue(skills) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (result.GetValue(file) is null && given.Count == 0)
            {
                throw new CliError("give a resume file or --skills a,b,c");
            }

            var have = new List<string>();
            Career.Resume? read = null;
            if (result.GetValue(file) is not null)
            {
                read = ReadResume(context, result, result.GetValue(file)!, shared, taxonomy);
                have.AddRange(read.Skills.Select(s => s.Id));
            }

            var unknown = new List<string>();
            foreach (var name in given)
            {
                if (taxonomy.Resolve(name) is { } skill)
                {
                    have.Add(skill.Id);
                }
                else
                {
                    unknown.Add(name);
                }
            }

            if (unknown.Count > 0)
            {
                context.Error.WriteLine($"note: not in the skill taxonomy, ignored: {string.Join(", ", unknown)} (see 'skillscope skills list')");
            }

            using var store = OpenExisting(SkillStore.ResolvePath(result.GetValue(shared.Db)), mustExist: true)!;
            WarnIfStale(context, store, taxonomy);
            var request = new GapRequest
            {
                Have = [.. have.Distinct(StringComparer.Ordinal)],
                TargetRole = targetRole,
                TargetSeniority = targetLevel,
                Country = where,
                Top = result.GetValue(top),
                IncludeSnippets = result.GetValue(snippets),
                Effort = table,
                Preset = chosen,
            };
            var report = SkillGap.Compute(store, taxonomy, request, SalaryModelInsight.For(store, taxonomy));
            if (read is not null)
            {
                SaveIfAsked(context, result, shared, store, read, result.GetValue(file)!);
            }

            if (result.GetValue(output) is { } path)
            {
                try
                {
                    File.WriteAllText(path, RoadmapRenderer.Markdown(report));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliError($"--out {path}: cannot be written ({e.Message})");
                }

                context.Error.WriteLine($"roadmap written to {path} (Markdown)");
            }

            RoadmapRenderer.Write(context, report, result.GetValue(shared.Format)!);
            return 0;
        });
        return command;
    }

    public static Command Match(CliContext context)
    {
        var file = ResumeArgument();
        var filters = new FilterOptions();
        var top = new Option<int>("--top") { Description = "How many postings to list", DefaultValueFactory = _ => 10 };
        var near = new Option<string?>("--near") { Description = "Where you want to work (ISO alpha-2); remote postings fit anywhere" };
        var prefer = new Option<string?>("--prefer-arrangement") { Description = "remote|hybrid|onsite: the arrangement you prefer" };
        var candidates = new Option<int>("--candidates") { Description = "How many full-text candidates to re-rank", DefaultValueFactory = _ => 500 };
        var shared = new SharedOptions(CommonOptions.OutputFormat("table", "json", "md"));
        var command = new Command("match", "Rank stored postings for a resume: skill overlap, full-text relevance (BM25), level, place and arrangement");
        command.Arguments.Add(file);
        foreach (var option in (Option[])[top, near, prefer, candidates])
        {
            command.Options.Add(option);
        }

        filters.AddTo(command);
        shared.AddTo(command);
        command.SetAction((result, cancellation) =>
        {
            var filter = filters.Read(result);
            if (filter.Kinds.Any(k => k != RecordKinds.Posting))
            {
                throw new CliError("match ranks postings only; drop --kind or use --kind posting");
            }

            if (result.GetValue(top) <= 0 || result.GetValue(candidates) <= 0)
            {
                throw new CliError("--top and --candidates must be positive numbers");
            }

            var arrangement = result.GetValue(prefer);
            if (arrangement is not null && arrangement is not (WorkArrangements.Remote or WorkArrangements.Hybrid or WorkArrangements.Onsite))
            {
                throw new CliError($"--prefer-arrangement '{arrangement}' is not known; use remote, hybrid or onsite");
            }

            var country = result.GetValue(near)?.Trim().ToUpperInvariant();
            if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
            {
                throw new CliError($"--near '{country}' is not an ISO 3166-1 alpha-2 code (e.g. US, GB, DE)");
            }

            var taxonomy = SkillsCommands.LoadTaxonomy(result.GetValue(shared.Taxonomy));
            var read = ReadResume(context, result, file, shared, taxonomy);
            using var store = OpenExisting(SkillStore.ResolvePath(result.GetValue(shared.Db)), mustExist: true)!;
            filter = FilterOptions.MatchSources(filter, store);
            WarnIfStale(context, store, taxonomy);
            var pending = PostingIndex.Pending(store);
            if (pending > 0)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexing {pending:N0} postings for full-text search (later runs add only new postings)..."));
            }

            try
            {
                PostingIndex.Update(store, cancellation);
            }
            catch (OperationCanceledException)
            {
                context.Error.WriteLine("indexing interrupted: nothing was changed; run the command again");
                return Task.FromResult(130);
            }

            var report = JobMatcher.Match(store, taxonomy, read, new MatchRequest
            {
                Filter = filter,
                Top = result.GetValue(top),
                Candidates = result.GetValue(candidates),
                Country = country,
                Arrangement = arrangement,
            });
            SaveIfAsked(context, result, shared, store, read, result.GetValue(file)!);
            CareerRenderer.WriteMatches(context, report, result.GetValue(shared.Format)!);
            return Task.FromResult(0);
        });
        return command;
    }

    private static Argument<string> ResumeArgument() =>
        new("RESUME") { Description = "Resume file: .txt, .md, .docx, .json (JSON Resume) or .pdf (needs pdftotext from poppler-utils)" };

    private static Career.Resume ReadResume(CliContext context, ParseResult result, Argument<string> file, SharedOptions shared, SkillTaxonomy taxonomy) =>
        ReadResume(context, result, result.GetValue(file)!, shared, taxonomy);

    private static Career.Resume ReadResume(CliContext context, ParseResult result, string path, SharedOptions shared, SkillTaxonomy taxonomy)
    {
        var options = new ResumeReadOptions { AsOf = AsOf(context, result.GetValue(shared.AsOf)), Extractor = new SkillExtractor(taxonomy) };
        var read = ResumeReader.Read(path, options);
        return read.Resume ?? throw new CliError(read.Error!);
    }

    private static DateOnly AsOf(CliContext context, string? text)
    {
        if (text is null)
        {
            return DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliError($"--as-of '{text}' is not a date; use YYYY-MM-DD");
    }

    private static SkillStore? OpenExisting(string path, bool mustExist)
    {
        if (mustExist && !SkillStore.Exists(path))
        {
            throw new CliError($"no database at {path}: ingest postings first (skillscope ingest FILE), or pass --db");
        }

        return SkillStore.Open(path);
    }

    private static void SaveIfAsked(CliContext context, ParseResult result, SharedOptions shared, SkillStore? store, Career.Resume resume, string path)
    {
        if (!result.GetValue(shared.Save) || store is null)
        {
            return;
        }

        var (id, already) = ResumeArchive.Save(store, resume, Path.GetFileName(path), context.Time.GetUtcNow());
        context.Error.WriteLine(already ? $"resume already saved as #{id} in {store.Path}" : $"resume saved as #{id} in {store.Path}");
    }

    private static void WarnIfStale(CliContext context, SkillStore store, SkillTaxonomy taxonomy)
    {
        if (SkillIndex.StoredVersion(store) is { } stored && stored != taxonomy.Version)
        {
            context.Error.WriteLine($"note: stored skills were extracted with taxonomy {stored}, not {taxonomy.Version}; run 'skillscope skills reindex'");
        }
    }

    /// <summary>Options every career command takes.</summary>
    private sealed class SharedOptions(Option<string> format)
    {
        public Option<string> Format { get; } = format;
        public Option<string?> Db { get; } = CommonOptions.Db();
        public Option<string?> Taxonomy { get; } = SkillsCommands.TaxonomyOption();
        public Option<string?> AsOf { get; } = new("--as-of") { Description = "The date 'present' in the resume stands for (YYYY-MM-DD; default today)" };
        public Option<bool> Save { get; } = new("--save") { Description = "Keep the resume (text and what was read from it) in the database; it is never stored otherwise" };

        public void AddTo(Command command)
        {
            foreach (var option in (Option[])[Format, Db, Taxonomy, AsOf, Save])
            {
                command.Options.Add(option);
            }
        }
    }
}
