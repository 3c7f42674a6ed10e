using System.Buffers.Binary;
using System.Data.Common;
using SkillScope.Skills;

namespace SkillScope.Store;

/// <summary>
/// A record's skills packed into one cell (<c>record_skill_sets.skills</c>), next to the row-per-skill
/// <c>record_skills</c>: the skill reports read one row per posting instead of one per skill (seventeen million rows at a
/// million postings, which no engine reads in under two seconds). Each skill is two bytes, big-endian: its ordinal in
/// <c>skill_ordinals</c> shifted left once, plus 1 when it is required; entries in ordinal order. Ordinals are handed out
/// once and never change (a reindex keeps them), so a packed cell means the same skills for as long as the store lives.
/// Both tables are written by the same calls (<see cref="SkillIndex.Write"/>, the SQLite ingest writer), and
/// tests/SkillScope.Tests/Store/SkillSetTests checks they agree after ingest, duplicate joins, revisions and reindex.
/// </summary>
internal static class SkillSets
{
    /// <summary>The highest ordinal two bytes hold next to the required bit.</summary>
    public const int MaxOrdinal = 0x7FFF;

    /// <summary>The packed cell of a record's skills, entries in ordinal order.</summary>
    public static byte[] Pack(IReadOnlyList<(string SkillId, string Strength)> skills, Func<string, int> ordinalOf)
    {
        var entries = new ushort[skills.Count];
        for (var i = 0; i < skills.Count; i++)
        {
            entries[i] = (ushort)((ordinalOf(skills[i].SkillId) << 1) | (skills[i].Strength == SkillStrengths.Required ? 1 : 0));
        }

        Array.Sort(entries);
        var bytes = new byte[entries.Length * 2];
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(i * 2), entries[i]);
        }

        return bytes;
    }

    /// <summary>The ordinal of entry <paramref name="index"/> of a packed cell, and whether it is required.</summary>
    public static (int Ordinal, bool Required) Entry(ReadOnlySpan<byte> cell, int index)
    {
        var entry = BinaryPrimitives.ReadUInt16BigEndian(cell[(index * 2)..]);
        return (entry >> 1, (entry & 1) != 0);
    }

    /// <summary>Every skill id by its ordinal (null where no skill has it), as committed and seen by this connection.</summary>
    public static string?[] Names(SkillStore store, DbTransaction? transaction = null)
    {
        var names = new List<string?>();
        using var command = store.Command("SELECT ordinal, skill_id FROM skill_ordinals ORDER BY ordinal", transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var ordinal = (int)Sql.Long(reader, 0);
            while (names.Count <= ordinal)
            {
                names.Add(null);
            }

            names[ordinal] = reader.GetString(1);
        }

        return [.. names];
    }
}

/// <summary>
/// Skill ordinals for one write transaction: read from <c>skill_ordinals</c> when first needed, a skill not there yet is
/// added (its ordinal drawn by the engine, so concurrent writers never hand one out twice). Held for one transaction
/// only: an ordinal added by a transaction that then rolls back must not outlive it.
/// </summary>
internal sealed class SkillOrdinals(SkillStore store, DbTransaction transaction)
{
    private Dictionary<string, int>? known;

    public int Of(string skillId)
    {
        known ??= Load();
        if (known.TryGetValue(skillId, out var ordinal))
        {
            return ordinal;
        }

        using (var insert = store.Command("INSERT INTO skill_ordinals(skill_id) VALUES (@skill) ON CONFLICT (skill_id) DO NOTHING", transaction))
        {
            Sql.Add(insert, "@skill", skillId);
            insert.ExecuteNonQuery();
        }

        ordinal = (int)store.Scalar("SELECT ordinal FROM skill_ordinals WHERE skill_id = @skill", transaction, ("@skill", skillId));
        if (ordinal > SkillSets.MaxOrdinal)
        {
            throw new StoreError($"{store.Path}: more than {SkillSets.MaxOrdinal} distinct skills; the packed skill sets (record_skill_sets) hold no more");
        }

        known[skillId] = ordinal;
        return ordinal;
    }

    public byte[] Pack(IReadOnlyList<(string SkillId, string Strength)> skills) => SkillSets.Pack(skills, Of);

    private Dictionary<string, int> Load()
    {
        var names = SkillSets.Names(store, transaction);
        var map = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is { } name)
            {
                map[name] = i;
            }
        }

        return map;
    }
}

/// <summary>The check that the two forms of the store's skills say the same.</summary>
internal static class SkillSetCheck
{
    /// <summary>
    /// Records whose packed skills (<c>record_skill_sets</c>) differ from their rows of <c>record_skills</c> (a skill
    /// missing on either side, or its required bit), at most <paramref name="limit"/>, lowest id first: empty when they
    /// agree.
    /// </summary>
    public static List<long> Disagreements(SkillStore store, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(store);
        var names = new SkillNames(store);
        var rows = new SortedDictionary<long, SortedSet<string>>();
        using (var command = store.Command("SELECT record_id, skill_id, required FROM record_skills"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                Set(reader.GetInt64(0)).Add(reader.GetString(1) + ":" + Sql.Long(reader, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var cells = new SortedDictionary<long, SortedSet<string>>();
        using (var command = store.Command("SELECT record_id, skills FROM record_skill_sets"))
        using (var scan = RowScan.Open(store, command))
        {
            while (scan.Read())
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                var cell = scan.Bytes(1);
                for (var i = 0; i < cell.Length / 2; i++)
                {
                    var (ordinal, required) = SkillSets.Entry(cell, i);
                    if (ordinal >= names.Count)
                    {
                        names.Cover(ordinal);
                    }

                    set.Add(names.Of(ordinal) + (required ? ":1" : ":0"));
                }

                cells[scan.Int64(0)] = set;
            }
        }

        return [.. rows.Keys.Union(cells.Keys).Order()
            .Where(id => !rows.TryGetValue(id, out var a) || !cells.TryGetValue(id, out var b) || !a.SetEquals(b))
            .Take(limit)];

        SortedSet<string> Set(long id)
        {
            if (!rows.TryGetValue(id, out var set))
            {
                rows[id] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            return set;
        }
    }
}
