using System.CommandLine;
using System.Globalization;
using SkillScope.Cli.Rendering;
using SkillScope.Ingest;
using SkillScope.Normalize;
using SkillScope.Skills;
using SkillScope.Store;
using Spectre.Console;

namespace SkillScope.Cli.Commands;

internal static class IngestCommand
{
    /// <summary>
    /// The managed heap an ingest lets garbage fill before collecting it after a batch (IngestOptions.HeapBudget): the
    /// live set of a large ingest is about 110 MB (a batch of 5,000 postings with text and the duplicate memory).
    /// </summary>
    internal const long HeapBudget = 512L * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Files or folders to load (a folder: every file under it)", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var format = new Option<string?>("--format")
        {
            Description = "Input layout: auto (detect by content) or one of " + string.Join(", ", FormatRegistry.All.Select(f => f.Name)),
        };
        var source = new Option<string?>("--source") { Description = "Source name stored with the records (default: the format's own, e.g. aijobs)" };
        var mapping = new Option<string?>("--mapping") { Description = "Column-mapping JSON file for the generic csv / jsonl formats (see docs/formats.md)" };
        var fxRates = new Option<string?>("--fx-rates") { Description = "Currency table overriding data/fx-rates.csv (same columns)" };
        var taxonomy = SkillsCommands.TaxonomyOption();

        var command = new Command("ingest", "Load job postings or salary records into the store");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[db, format, source, mapping, fxRates, taxonomy])
        {
            command.Options.Add(option);
        }

        command.SetCancellableAction((result, cancellation) =>
        {
            var options = new IngestOptions
            {
                Format = result.GetValue(format),
                Source = result.GetValue(source),
                ColumnMapping = result.GetValue(mapping) is { } mappingFile ? ColumnMappingFile.Load(mappingFile) : null,
                HeapBudget = HeapBudget,
            };
            var rates = result.GetValue(fxRates) is { } ratesFile ? FxRates.Load(ratesFile) : FxRates.Default;
            var skills = SkillsCommands.LoadTaxonomy(result.GetValue(taxonomy));
            using var store = SkillStore.Open(SkillStore.ResolvePath(result.GetValue(db)));
            return Run(context, store, rates, skills, result.GetValue(files) ?? [], options, cancellation);
        });
        return command;
    }

    /// <summary>
    /// Ingests each file in turn (a folder: each file under it); a file that cannot be read is reported
    /// and the others still load. A file inside a folder that is in no readable layout (a README, a
    /// manifest) is listed as skipped, not an error. Several files end with one total line.
    /// </summary>
    internal static int Run(
        CliContext context, SkillStore store, FxRates rates, SkillTaxonomy skills, IReadOnlyList<string> files, IngestOptions options, CancellationToken cancellation)
    {
        var service = SkillReportCommands.IngestServiceFor(store, rates, skills, context.Time);
        foreach (var run in store.RecoveredIngests)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"skillscope: an earlier ingest of {Terminal.Safe(run.FilePath)} (run {run.Id}, {run.RowsRead:N0} rows read) is marked interrupted: {Terminal.Safe(run.Note)}"));
        }

        var inputs = InputFiles.Expand(files);
        var exitCode = 0;
        var total = new IngestTotal();
        foreach (var (file, inFolder) in inputs)
        {
            try
            {
                var summary = context.Interactive && !inFolder
                    ? WithProgressBar(file, progress => service.Ingest(file, options, progress, cancellation))
                    : service.Ingest(file, options, null, cancellation);
                context.Error.WriteLine(summary.ToLine());
                total.Add(summary);
                if (summary.Interrupted)
                {
                    context.Error.WriteLine(total.ToLine());
                    return 130;
                }
            }
            catch (ReadError e) when (inFolder)
            {
                context.Error.WriteLine($"{file}: skipped ({e.Message})");
                total.Skip();
            }
            catch (ReadError e)
            {
                context.Error.WriteLine("skillscope: " + e.Message);
                total.Fail();
                exitCode = 1;
            }
        }

        if (inputs.Count != 1)
        {
            context.Error.WriteLine(total.ToLine());
        }

        return exitCode;
    }

    /// <summary>The sums of the per-file summaries, and the files skipped or failed.</summary>
    private sealed class IngestTotal
    {
        private long files, skipped, failed, read, stored, merged, already, rejected, flagged;

        public void Add(IngestSummary s)
        {
            files++;
            (read, stored, merged, already, rejected, flagged) =
                (read + s.Read, stored + s.Stored, merged + s.Merged, already + s.Skipped, rejected + s.Rejected, flagged + s.Flagged);
        }

        public void Skip() => skipped++;

        public void Fail() => failed++;

        public string ToLine() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"total: {files:N0} files read, {skipped:N0} skipped (no readable layout), {failed:N0} failed; {read:N0} read, {stored:N0} stored, {merged:N0} joined an existing posting, {already:N0} already stored, {rejected:N0} rejected, {flagged:N0} salaries flagged");
    }

    private static IngestSummary WithProgressBar(string file, Func<IProgress<double>, IngestSummary> ingest)
    {
        IngestSummary? summary = null;
        AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Path.GetFileName(file), maxValue: 1);
                summary = ingest(new Progress<double>(fraction => task.Value = fraction));
            });
        return summary!;
    }
}
