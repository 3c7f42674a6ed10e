using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace SkillScope.Skills;

/// <summary>Scores of the extractor against one annotated file.</summary>
/// <param name="Source">The file scored.</param>
/// <param name="Sentences">Sentences read.</param>
/// <param name="Extracted">Mentions the extractor found.</param>
/// <param name="ExtractedCorrect">Mentions overlapping a gold span (skill or knowledge).</param>
/// <param name="Gold">Gold spans recall is measured on (SkillSpan: knowledge spans; Decorte: every span).</param>
/// <param name="GoldFound">Gold spans overlapped by at least one mention.</param>
/// <param name="FalsePositives">Most frequent mentions outside every gold span (surface, lowercased).</param>
/// <param name="Misses">Most frequent gold spans no mention overlaps (text, lowercased).</param>
public sealed record SkillEvaluationResult(
    string Source,
    int Sentences,
    int Extracted,
    int ExtractedCorrect,
    int Gold,
    int GoldFound,
    IReadOnlyList<SkillEvaluationCount> FalsePositives,
    IReadOnlyList<SkillEvaluationCount> Misses)
{
    /// <summary>Mentions in sentences that have at least one gold span (of any kind).</summary>
    public int ExtractedInAnnotated { get; init; }

    public double Precision => Extracted == 0 ? 0 : (double)ExtractedCorrect / Extracted;

    /// <summary>
    /// Precision counting only sentences the annotators tagged something in: a diagnostic separating extraction
    /// errors from sentences whose skills were left untagged altogether.
    /// </summary>
    public double PrecisionInAnnotated => ExtractedInAnnotated == 0 ? 0 : (double)ExtractedCorrect / ExtractedInAnnotated;

    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A text and how often it occurred.</summary>
public sealed record SkillEvaluationCount(string Text, int Count);

/// <summary>
/// Scores the extractor against span-annotated job-posting sentences: SkillSpan CoNLL files (token, skill BIO,
/// knowledge BIO) and the Decorte et al. ESCO benchmark CSV files (sentence, span, sub_span, label).
/// </summary>
/// <remarks>
/// Precision is the share of extracted mentions that overlap any gold span, skill or knowledge (a taxonomy of
/// named skills should not be penalised for finding a skill the annotators tagged as a skill span). Recall is
/// the share of gold knowledge spans (SkillSpan) or of all gold spans (Decorte, which does not tell the two
/// apart) that some mention overlaps.
/// </remarks>
public static class SkillEvaluation
{
    /// <summary>Scores a SkillSpan CoNLL file.</summary>
    public static SkillEvaluationResult ScoreConll(SkillExtractor extractor, TextReader conll, string source, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(conll);
        var tally = new Tally(source);
        var tokens = new List<(string Text, string Skill, string Knowledge)>();
        string? line;
        while ((line = conll.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                ScoreConllSentence(extractor, tokens, tally);
                tokens.Clear();
                continue;
            }

            var columns = line.Split('\t');
            tokens.Add((columns[0], columns.Length > 1 ? columns[1] : "O", columns.Length > 2 ? columns[2] : "O"));
        }

        ScoreConllSentence(extractor, tokens, tally);
        return tally.Result(top);
    }

    /// <summary>Scores a Decorte et al. benchmark file (sentence,span,sub_span,label; several rows per sentence).</summary>
    public static SkillEvaluationResult ScoreDecorte(SkillExtractor extractor, TextReader csv, string source, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(csv);
        var spansBySentence = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var reader = new CsvReader(csv, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null }))
        {
            reader.Read();
            reader.ReadHeader();
            while (reader.Read())
            {
                var sentence = reader.GetField("sentence") ?? "";
                var span = (reader.GetField("span") ?? "").Trim();
                if (!spansBySentence.TryGetValue(sentence, out var spans))
                {
                    spansBySentence.Add(sentence, spans = []);
                    order.Add(sentence);
                }

                if (span.Length > 0 && !spans.Contains(span, StringComparer.Ordinal))
                {
                    spans.Add(span);
                }
            }
        }

        var tally = new Tally(source);
        foreach (var sentence in order)
        {
            var gold = new List<(int Start, int End)>();
            foreach (var span in spansBySentence[sentence])
            {
                var at = Locate(sentence, span, StringComparison.Ordinal);
                if (at < 0)
                {
                    at = Locate(sentence, span, StringComparison.OrdinalIgnoreCase);
                }

                if (at >= 0)
                {
                    gold.Add((at, at + span.Length));
                }
            }

            tally.Score(sentence, extractor.Extract(sentence), gold, gold);
        }

        return tally.Result(top);
    }

    /// <summary>The first whole-word occurrence ("java" in "javascript reactjs java" is the last word), else the first.</summary>
    private static int Locate(string sentence, string span, StringComparison comparison)
    {
        var first = sentence.IndexOf(span, comparison);
        for (var at = first; at >= 0; at = sentence.IndexOf(span, at + 1, comparison))
        {
            var end = at + span.Length;
            if ((at == 0 || !char.IsLetterOrDigit(sentence[at - 1])) && (end == sentence.Length || !char.IsLetterOrDigit(sentence[end])))
            {
                return at;
            }
        }

        return first;
    }

    private static void ScoreConllSentence(SkillExtractor extractor, List<(string Text, string Skill, string Knowledge)> tokens, Tally tally)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var starts = new int[tokens.Count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            starts[i] = builder.Length;
            builder.Append(tokens[i].Text);
        }

        var text = builder.ToString();
        var knowledge = Spans(tokens, starts, t => t.Knowledge);
        var all = new List<(int Start, int End)>(knowledge);
        all.AddRange(Spans(tokens, starts, t => t.Skill));
        tally.Score(text, extractor.Extract(text), all, knowledge);
    }

    private static List<(int Start, int End)> Spans(
        List<(string Text, string Skill, string Knowledge)> tokens, int[] starts, Func<(string Text, string Skill, string Knowledge), string> tag)
    {
        var spans = new List<(int Start, int End)>();
        var open = -1;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var t = i < tokens.Count ? tag(tokens[i]) : "O";
            if (open >= 0 && !t.StartsWith("I-", StringComparison.Ordinal))
            {
                spans.Add((starts[open], starts[i - 1] + tokens[i - 1].Text.Length));
                open = -1;
            }

            if (t.StartsWith("B-", StringComparison.Ordinal) || (t.StartsWith("I-", StringComparison.Ordinal) && open < 0))
            {
                open = i;
            }
        }

        return spans;
    }

    private sealed class Tally(string source)
    {
        private readonly Dictionary<string, int> _falsePositives = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _misses = new(StringComparer.Ordinal);
        private int _sentences;
        private int _extracted;
        private int _correct;
        private int _gold;
        private int _found;
        private int _inAnnotated;

        public void Score(string text, IReadOnlyList<SkillMention> mentions, List<(int Start, int End)> anyGold, List<(int Start, int End)> recallGold)
        {
            _sentences++;
            foreach (var mention in mentions)
            {
                _extracted++;
                _inAnnotated += anyGold.Count > 0 ? 1 : 0;
                if (anyGold.Exists(g => g.Start < mention.End && mention.Start < g.End))
                {
                    _correct++;
                }
                else
                {
                    Count(_falsePositives, mention.Surface);
                }
            }

            foreach (var (start, end) in recallGold)
            {
                _gold++;
                if (mentions.Any(m => start < m.End && m.Start < end))
                {
                    _found++;
                }
                else
                {
                    Count(_misses, text[start..end]);
                }
            }
        }

        public SkillEvaluationResult Result(int top) =>
            new(source, _sentences, _extracted, _correct, _gold, _found, Top(_falsePositives, top), Top(_misses, top)) { ExtractedInAnnotated = _inAnnotated };

        private static void Count(Dictionary<string, int> counts, string text)
        {
            var key = text.ToLowerInvariant();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        private static List<SkillEvaluationCount> Top(Dictionary<string, int> counts, int top) =>
            [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(top).Select(kv => new SkillEvaluationCount(kv.Key, kv.Value))];
    }
}
