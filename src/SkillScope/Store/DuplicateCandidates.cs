using System.Globalization;
using SkillScope.Normalize;

namespace SkillScope.Store;

/// <summary>
/// The identify step's memory of stored postings: each stored posting's near-duplicate fingerprint
/// (<c>posting_signatures</c>), loaded one block at a time as an ingest first meets it, so the cost follows the
/// blocks a file touches, not the store's size.
/// </summary>
internal static class DuplicateCandidates
{
    private const int BlocksPerQuery = 400;

    /// <summary>Adds the stored postings of <paramref name="blocks"/> (not yet loaded) to <paramref name="index"/> under their duplicate keys.</summary>
    public static void Load(SkillStore store, NearDuplicateIndex index, IEnumerable<string> blocks)
    {
        var missing = blocks.Where(b => !index.HasBlock(b)).Distinct(StringComparer.Ordinal).ToList();
        for (var start = 0; start < missing.Count; start += BlocksPerQuery)
        {
            var chunk = missing.GetRange(start, Math.Min(BlocksPerQuery, missing.Count - start));
            using var command = store.Command("");
            command.CommandText = $"""
                SELECT s.block, r.dedupe_key, s.shingles, s.prefix, s.posted, s.minhash
                FROM posting_signatures s JOIN records r ON r.id = s.record_id
                WHERE s.block IN ({Sql.InList(command, "b", chunk)}) ORDER BY s.record_id
                """;
            foreach (var block in chunk)
            {
                index.EnsureBlock(block);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var signature = PostingFingerprint.SignatureFrom((byte[])reader.GetValue(5));
                var posted = Sql.Text(reader, 4) is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                var prefix = reader.IsDBNull(3) ? (long?)null : Sql.Long(reader, 3);
                index.Add(reader.GetString(1), new PostingFingerprint(reader.GetString(0), signature, (int)Sql.Long(reader, 2), prefix) { Posted = posted });
            }
        }
    }
}
