namespace SkillScope.Normalize;

/// <summary>
/// Phrases in <see cref="TitleText"/> form (" data scientist "), indexed by their first word, so one pass over
/// a title's words finds every phrase it contains without a substring search per phrase.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, (string Phrase, T Value)[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> entries)
    {
        Dictionary<string, (string Phrase, T Value)[]> map = entries
            .GroupBy(e => FirstWord(e.Phrase), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Phrase.Length).ToArray(), StringComparer.Ordinal);
        _byFirstWord = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string FirstWord(string phrase)
    {
        if (phrase.Length < 3 || phrase[0] != ' ' || phrase[^1] != ' ' || phrase.Contains("  ", StringComparison.Ordinal))
        {
            throw new ArgumentException($"phrase must be words between single spaces with a space at each end: \"{phrase}\"", nameof(phrase));
        }

        return phrase[1..phrase.IndexOf(' ', 1)];
    }

    /// <summary>Every phrase in <paramref name="text"/> (TitleText form): by position, longer phrases first at one position.</summary>
    public Matches In(string text) => new(this, text);

    internal ref struct Matches
    {
        private readonly PhraseIndex<T> _index;
        private readonly string _text;
        private int _wordStart;
        private (string Phrase, T Value)[]? _candidates;
        private int _next;

        public Matches(PhraseIndex<T> index, string text)
        {
            _index = index;
            _text = text;
            _wordStart = 1;
        }

        public (int At, T Value) Current { get; private set; }

        public readonly Matches GetEnumerator() => this;

        public bool MoveNext()
        {
            while (true)
            {
                if (_candidates is not null)
                {
                    ReadOnlySpan<char> from = _text.AsSpan(_wordStart - 1);
                    while (_next < _candidates.Length)
                    {
                        (string phrase, T value) = _candidates[_next++];
                        if (from.StartsWith(phrase, StringComparison.Ordinal))
                        {
                            Current = (_wordStart - 1, value);
                            return true;
                        }
                    }

                    _candidates = null;
                    _wordStart = _text.IndexOf(' ', _wordStart) + 1;
                }

                if (_wordStart <= 0 || _wordStart >= _text.Length)
                {
                    return false;
                }

                int end = _text.IndexOf(' ', _wordStart);
                if (_index._byFirstWord.TryGetValue(_text.AsSpan(_wordStart, end - _wordStart), out (string Phrase, T Value)[]? candidates))
                {
                    _candidates = candidates;
                    _next = 0;
                }
                else
                {
                    _wordStart = end + 1;
                }
            }
        }
    }
}
