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
    public override bool Matches(FormatProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return CsvHeader.TryParse(probe.FirstLine) is { Count: > 0 };
    }

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        var fileName = DisplayName(context.FilePath);
        var mapping = context.ColumnMapping is { } given
            ? ColumnMapping.From(given, "column mapping")
            : ColumnMapping.Identity(header.Names, fileName);

        var missing = mapping.Fields.Where(f => f.Column is not null && !header.Contains(f.Column)).Select(f => $"'{f.Column}'").ToList();
        if (missing.Count > 0)
        {
            throw new ReadError($"{fileName}: the header has no column {string.Join(", ", missing)} named in the mapping; the header is: {string.Join(",", header.Names)}.");
        }

        var bound = mapping.Fields.Select(f => (f.Field, Ordinal: f.Column is null ? -1 : header.IndexOf(f.Column), f.Literal)).ToArray();
        var builder = new RecordBuilder();
        return row =>
        {
            builder.Clear();
            foreach (var (field, ordinal, literal) in bound)
            {
                if (builder.Set(field, literal ?? row.Text(ordinal)) is { } error)
                {
                    return RowResult.Fail(error);
                }
            }

            var (record, buildError) = builder.Build();
            return record is null ? RowResult.Fail(buildError!) : record;
        };
    }
}
