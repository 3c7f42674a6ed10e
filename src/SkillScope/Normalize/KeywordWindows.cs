using System.Buffers;
using System.Text.RegularExpressions;

namespace SkillScope.Normalize;

/// <summary>
/// Matches of a phrase regex in a long description, found by running the regex only in windows around
/// keyword hits. A description is ~3,500 characters and phrases are rare: a vectorized keyword search
/// (SearchValues) finds the few places worth a regex, instead of the regex probing every position.
/// Every phrase the regex can match must contain a keyword and fit in the window around it.
/// </summary>
internal ref struct KeywordWindows
{
    private readonly string _text;
    private readonly Regex _regex;
    private readonly SearchValues<string> _keywords;
    private readonly int _back;
    private readonly int _forward;
    private int _next;
    private int _floor;
    private Match? _current;

    public KeywordWindows(string text, Regex regex, SearchValues<string> keywords, int back, int forward)
    {
        _text = text;
        _regex = regex;
        _keywords = keywords;
        _back = back;
        _forward = forward;
    }

    public readonly Match Current => _current!;

    public readonly KeywordWindows GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_current is not null)
        {
            _current = _current.NextMatch();
            if (_current.Success)
            {
                return true;
            }
        }

        while (_next < _text.Length)
        {
            int hit = _text.AsSpan(_next).IndexOfAny(_keywords);
            if (hit < 0)
            {
                break;
            }

            hit += _next;
            int begin = Math.Max(_floor, hit - _back);
            int end = Math.Min(_text.Length, hit + _forward);

            // Keywords close together share one window, so no phrase is matched twice.
            int more;
            while (end < _text.Length && (more = _text.AsSpan(hit + 1, end - hit - 1).IndexOfAny(_keywords)) >= 0)
            {
                hit += more + 1;
                end = Math.Min(_text.Length, hit + _forward);
            }

            _next = end;
            _floor = end;
            _current = _regex.Match(_text, begin, end - begin);
            if (_current.Success)
            {
                return true;
            }
        }

        _next = _text.Length;
        _current = null;
        return false;
    }
}
