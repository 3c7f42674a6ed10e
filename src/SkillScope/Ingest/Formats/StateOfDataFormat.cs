using System.Globalization;
using SkillScope.Ingest.Csv;
using SkillScope.Model;

namespace SkillScope.Ingest.Formats;

/// <summary>
/// State of Data Brazil 2022 (Data Hackers and Bain &amp; Company), in the column-renamed extract with
/// Portuguese column names (id, cargo_atual, nivel_senioridade, faixa_salarial, linguagens_no_trabalho, ...).
/// One row is one respondent of the 2022 wave: pay as a monthly BRL band ("de R$ 8.001/mês a R$ 12.000/mês"),
/// read as its two bounds (an open band, "Menos de R$ 1.000/mês" or "Acima de R$ 40.001/mês", as its one
/// stated bound); role and level; and the languages, databases and clouds used at work (multi-select,
/// ", "-joined), which become the response's stated skills. A respondent with no pay band states no pay
/// and is rejected with that reason.
/// </summary>
internal sealed class StateOfDataFormat : CsvRecordFormat
{
    /// <summary>The survey wave this extract is (its rows carry no date).</summary>
    internal const int Wave = 2022;

    private static readonly string[] ToolColumns = ["linguagens_no_trabalho", "bancos_de_dados_no_trabalho", "cloud_no_trabalho"];

    public override string Name => "stateofdata";

    public override string DefaultSource => "state-of-data-br";

    public override IReadOnlyList<string> RequiredColumns { get; } =
        ["id", "cargo_atual", "nivel_senioridade", "faixa_salarial", "linguagens_no_trabalho", "situacao_atual_de_trabalho"];

    protected override Func<CsvFields, RowResult> Bind(CsvHeader header, FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        var id = header.IndexOf("id");
        var role = header.IndexOf("cargo_atual");
        var managerRole = header.IndexOf("cargo_como_gestor");
        var level = header.IndexOf("nivel_senioridade");
        var band = header.IndexOf("faixa_salarial");
        var work = header.IndexOf("situacao_atual_de_trabalho");
        var livesInBrazil = header.IndexOf("vive_no_brasil");
        var state = header.IndexOf("estado_onde_mora");
        var tools = ToolColumns.Select(header.IndexOf).Where(i => i >= 0).ToArray();
        var pool = new StringPool();

        return row =>
        {
            var bandText = row.Text(band);
            if (bandText is null)
            {
                return RowResult.Fail("faixa_salarial is empty: the respondent states no pay");
            }

            if (!TryBand(bandText, out var low, out var high))
            {
                return RowResult.Fail($"faixa_salarial {FieldParsing.Quote(bandText)} is not a monthly R$ band");
            }

            var manager = row.Text(managerRole);
            if ((row.Text(role) ?? manager) is not { } title)
            {
                return RowResult.Fail("no role: cargo_atual and cargo_como_gestor are empty");
            }

            List<string>? stated = null;
            foreach (var column in tools)
            {
                if (row.Text(column) is not { } list)
                {
                    continue;
                }

                foreach (var item in list.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    (stated ??= []).Add(pool.Get(item)!);
                }
            }

            var inBrazil = FieldParsing.TryBool(row.Text(livesInBrazil), out var lives) && lives;
            return new RawRecord
            {
                Kind = RecordKinds.SalaryReport,
                SourceId = row.Text(id),
                Title = pool.Get(title),
                WorkYear = Wave,
                SeniorityHint = pool.Get(row.Text(level) ?? manager),
                EmploymentTypeHint = Employment(row.Text(work)),
                SalaryMin = low,
                SalaryMax = high,
                SalaryCurrency = "BRL",
                SalaryPeriod = SalaryPeriods.Month,
                CountryHint = inBrazil ? "BR" : null,
                Location = inBrazil ? pool.Get(row.Text(state)) : null,
                StatedSkills = stated,
            };
        };
    }

    /// <summary>
    /// "de R$ 8.001/mês a R$ 12.000/mês" is 8,001 to 12,000; "Menos de R$ 1.000/mês" and "Acima de R$ 40.001/mês"
    /// are their one bound. Brazilian numbers use '.' for thousands.
    /// </summary>
    internal static bool TryBand(string text, out decimal low, out decimal high)
    {
        low = high = 0;
        Span<decimal> amounts = stackalloc decimal[2];
        var count = 0;
        var span = text.AsSpan();
        var at = 0;
        while ((at = span.IndexOf("R$", StringComparison.Ordinal)) >= 0)
        {
            span = span[(at + 2)..].TrimStart();
            var end = 0;
            while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.'))
            {
                end++;
            }

            if (end == 0 || count == 2 || !decimal.TryParse(span[..end].ToString().Replace(".", "", StringComparison.Ordinal),
                    NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            amounts[count++] = amount;
            span = span[end..];
        }

        if (count == 0 || !text.Contains("/mês", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        (low, high) = count == 2 ? (amounts[0], amounts[1]) : (amounts[0], amounts[0]);
        return low <= high;
    }

    private static string? Employment(string? situation) => situation switch
    {
        null => null,
        _ when situation.Contains("CLT", StringComparison.Ordinal) || situation.StartsWith("Servidor", StringComparison.Ordinal) => "full-time",
        _ when situation.Contains("CNPJ", StringComparison.Ordinal) => "contractor",
        _ when situation.StartsWith("Estagi", StringComparison.Ordinal) => "internship",
        _ when situation.StartsWith("Freelancer", StringComparison.Ordinal) => "freelance",
        _ => null,
    };
}
