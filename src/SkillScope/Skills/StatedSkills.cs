namespace SkillScope.Skills;

/// <summary>
/// Skills a source lists explicitly (a survey's "languages used at work", a board's skill tags, schema.org
/// skills) as taxonomy ids. Each item is looked up whole by id, name or alias ("Python", "SQL SERVER");
/// else its parts ("C# / .NET", "Amazon Web Services (AWS)", "SAS/Stata": split at '/', ',', parentheses);
/// else the extractor reads it as text. Items that name no skill ("Não utilizo nenhuma", "Other") give none.
/// </summary>
public static class StatedSkills
{
    private static readonly char[] PartSeparators = ['/', ',', '(', ')', ';', '|', '+'];

    /// <summary>The distinct skill ids the items name, in the order first named.</summary>
    public static IReadOnlyList<string> Resolve(SkillExtractor extractor, IReadOnlyList<string>? items)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        if (items is null || items.Count == 0)
        {
            return [];
        }

        var taxonomy = extractor.Taxonomy;
        var ids = new List<string>();
        foreach (var item in items)
        {
            var text = item.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (taxonomy.Resolve(text) is { } whole)
            {
                Add(ids, whole.Id);
                continue;
            }

            var found = false;
            foreach (var part in text.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (taxonomy.Resolve(part) is { } skill)
                {
                    Add(ids, skill.Id);
                    found = true;
                }
            }

            if (!found)
            {
                foreach (var mention in extractor.Extract(text))
                {
                    Add(ids, mention.SkillId);
                }
            }
        }

        return ids;
    }

    private static void Add(List<string> ids, string id)
    {
        if (!ids.Contains(id, StringComparer.Ordinal))
        {
            ids.Add(id);
        }
    }
}
