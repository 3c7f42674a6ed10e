using SkillScope.Model;

namespace SkillScope.Store;

/// <summary>
/// Stores written before identities were per month (<see cref="RawRecord.SourceIdPerMonth"/>, 2026-12-07) hold a remote
/// board row as id:SOURCE:SLUG, dated with its month folder. A row read again whose plain identity is stored with a date
/// in the row's own month is that stored row: it takes the plain identity, so the write step skips it as already stored
/// and re-ingesting a folder into such a store adds nothing; the same slug in another month (the re-advertisement the
/// old identity skipped) keeps its per-month identity and is stored as a new appearance.
/// </summary>
internal static class LegacyIdentities
{
    public static void Adopt(SkillStore store, IReadOnlyList<PendingRow> batch, string source, string fileSha256)
    {
        System.Data.Common.DbCommand? find = null;
        try
        {
            foreach (var row in batch)
            {
                if (row.Record is null || row.Source.Record is not { SourceIdPerMonth: true, PostedDate: { } posted } raw)
                {
                    continue;
                }

                var plain = IngestService.IdentityOf(raw with { SourceIdPerMonth = false }, source, fileSha256, row.Source.Position);
                if (plain == row.Identity)
                {
                    continue;
                }

                find ??= store.Command("SELECT posted FROM record_sources WHERE identity = @identity");
                find.Parameters.Clear();
                Sql.Add(find, "@identity", plain);
                if (find.ExecuteScalar() is string stored && stored.Length >= 7 && stored.AsSpan(0, 7).SequenceEqual(Sql.Date(posted)!.AsSpan(0, 7)))
                {
                    row.Identity = plain;
                }
            }
        }
        finally
        {
            find?.Dispose();
        }
    }
}
