using SkillScope.Ingest.Csv;
using SkillScope.Ingest.Generic;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// Any CSV file, read through a column mapping (<see cref="FormatContext.ColumnMapping"/>). Without a
/// mapping, columns named like RawRecord fields ("title", "salary_text", "Company") are used.
/// </summary>
internal sealed class GenericCsvFormat : CsvRecordFormat
{
    public override string Name => "csv";

    public override string DefaultSource => "csv";

    public override IReadOnlyList<string> RequiredColumns => [];

    /// <summary>Any parseable header; the registry only asks when the user supplied a mapping.</summary>
    public override bool MatchesHeader(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Count > 0;
    }

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        var fileName = DisplayName(context.FilePath);
        var mapping = context.ColumnMapping is { } given
            ? ColumnMapping.From(given, "column mapping")
            : ColumnMapping.Identity(header.Names, fileName);

        var missing = mapping.Fields.SelectMany(f => f.Columns).Where(c => !header.Contains(c)).Select(c => $"'{c}'").Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ReadError($"{fileName}: the header has no column {string.Join(", ", missing)} named in the mapping; the header is: {string.Join(",", header.Names)}.");
        }

        var bound = mapping.Fields.Select(f => (Mapped: f, Ordinals: f.Columns.Select(header.IndexOf).ToArray())).ToArray();
        var builder = new RecordBuilder();
        return row =>
        {
            builder.Clear();
            foreach (var (mapped, ordinals) in bound)
            {
                var value = mapped.Literal
                    ?? (ordinals.Length == 1 ? row.Text(ordinals[0]) : mapped.Combine([.. ordinals.Select(row.Text)]));
                if (builder.Set(mapped.Field, value) is { } error)
                {
                    return RowResult.Fail(error);
                }
            }

            var (record, buildError) = builder.Build();
            return record is null ? RowResult.Fail(buildError!) : record;
        };
    }
}
