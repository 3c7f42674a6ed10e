using System.Data;
using SkillScope.Store;
using SkillScope.Tests.Support;

namespace SkillScope.Tests.Store;

/// <summary>
/// PostgreSQL's bulk scan (binary COPY, parsed by the store) reads what the data reader reads: NULLs, empty text,
/// integers of every width, doubles, text longer than its buffer, and text parameters bound through settings (a
/// parameter named @f1 is not mistaken for the start of @f10).
/// </summary>
public sealed class CopyScanTests
{
    private const string Query = """
        SELECT v.n, v.small, v.wide, v.ratio, v.label
        FROM (VALUES (1, 7::int2, 5000000000::int8, 0.1::float8, 'a'::text), (2, -3::int2, -1::int8, NULL::float8, ''::text),
            (3, NULL::int2, NULL::int8, 1e300::float8, NULL::text), (4, 0::int2, 0::int8, -2.5::float8, repeat('ü', 70000)),
            (5, 1::int2, 1::int8, 3::float8, 'x')) AS v(n, small, wide, ratio, label)
        WHERE v.label IS DISTINCT FROM @f1 AND v.label IS DISTINCT FROM @f10
        ORDER BY v.n
        """;

    [PostgresFact]
    public void A_copy_scan_reads_the_rows_the_data_reader_reads()
    {
        var db = TestEngine.NewDatabase();
        try
        {
            using var store = SkillStore.OpenReadOnly(db);
            using var transaction = store.Connection.BeginTransaction(IsolationLevel.RepeatableRead);

            var expected = Rows(store, transaction, copy: false);
            var copied = Rows(store, transaction, copy: true);

            Assert.Equal(["1|7|5000000000|0.1|a", "2|-3|-1|null|", "3|null|null|1E+300|null", $"4|0|0|-2.5|{new string('ü', 70000)}"], expected);
            Assert.Equal(expected, copied);
            // The session is ready for more after a scan read to its end.
            Assert.Equal(1, store.Scalar("SELECT 1", transaction));
        }
        finally
        {
            TestEngine.DropDatabase(db);
        }
    }

    [PostgresFact]
    public void A_copy_scan_with_parameters_outside_a_transaction_is_refused()
    {
        var db = TestEngine.NewDatabase();
        try
        {
            using var store = SkillStore.OpenReadOnly(db);
            var command = store.Command("SELECT 1 WHERE @f0 = 'a'");
            Sql.Add(command, "@f0", "a");

            Assert.Throws<InvalidOperationException>(() => RowScan.OpenBulk(store, command));
        }
        finally
        {
            TestEngine.DropDatabase(db);
        }
    }

    private static List<string> Rows(SkillStore store, System.Data.Common.DbTransaction transaction, bool copy)
    {
        var command = store.Command(Query, transaction);
        // @f1 and @f10 are two values: only the row labelled x (the fifth) is left out, by @f10.
        Sql.Add(command, "@f1", "not there");
        Sql.Add(command, "@f10", "x");
        var rows = new List<string>();
        using var scan = copy ? RowScan.OpenBulk(store, command) : RowScan.Open(store, command);
        while (scan.Read())
        {
            rows.Add(string.Join('|',
                scan.Int64(0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                scan.IsNull(1) ? "null" : scan.Int64(1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                scan.IsNull(2) ? "null" : scan.Int64(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                scan.IsNull(3) ? "null" : scan.Double(3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                scan.Utf8OrNull(4, out var isNull) is var label && isNull ? "null" : System.Text.Encoding.UTF8.GetString(label)));
        }

        return rows;
    }
}
