using System.Buffers;
using System.Text;

namespace SkillScope.Ingest.Web;

internal enum ScanStatus
{
    Ok,
    /// <summary>End of input inside the value.</summary>
    Truncated,
    /// <summary>No value starts here (a stray ',' '}' ']' ':').</summary>
    Invalid,
}

/// <summary>
/// Finds the boundaries of JSON values in a character stream without building them, so a reader can
/// hand one record at a time to <see cref="System.Text.Json.JsonDocument"/> and skip (not buffer) a
/// record that is too large. It only tracks strings and bracket depth: whether the value is valid
/// JSON is left to the parser that receives the captured text.
/// </summary>
internal sealed class JsonTextScanner(TextReader reader)
{
    private static readonly SearchValues<char> Structural = SearchValues.Create("\"{}[]\n");
    private static readonly SearchValues<char> StringSpecial = SearchValues.Create("\"\\\n");

    private char[] _buffer = new char[16 * 1024];
    private int _pos;
    private int _len;
    private bool _eof;

    /// <summary>1-based line of the next character.</summary>
    public long Line { get; private set; } = 1;

    public int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    public int Read()
    {
        if (_pos >= _len && !Fill())
        {
            return -1;
        }

        var c = _buffer[_pos++];
        if (c == '\n')
        {
            Line++;
        }

        return c;
    }

    /// <summary>Skips JSON whitespace and byte-order marks; returns the next character or -1.</summary>
    public int SkipWhitespace()
    {
        while (true)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                Read();
                continue;
            }

            return c;
        }
    }

    /// <summary>
    /// Consumes one value starting at the current character. Up to <paramref name="limit"/> characters
    /// go to <paramref name="capture"/>; past that <paramref name="overflow"/> is set and the rest of
    /// the value is consumed without being kept.
    /// </summary>
    public ScanStatus ScanValue(StringBuilder? capture, int limit, out bool overflow)
    {
        var sink = new Sink(capture, limit);
        var status = ScanValue(ref sink);
        overflow = sink.Overflow;
        return status;
    }

    /// <summary>Consumes the rest of the current line including its '\n'; false at end of input.</summary>
    public bool ReadLine(StringBuilder capture, int limit, out bool overflow)
    {
        var sink = new Sink(capture, limit);
        var any = false;
        while (_pos < _len || Fill())
        {
            any = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var i = span.IndexOf('\n');
            if (i < 0)
            {
                sink.Append(span);
                _pos = _len;
                continue;
            }

            sink.Append(span[..i]);
            _pos += i + 1;
            Line++;
            break;
        }

        overflow = sink.Overflow;
        return any;
    }

    /// <summary>Consumes everything left, keeping up to <paramref name="limit"/> characters.</summary>
    public void ReadToEnd(StringBuilder capture, int limit, out bool overflow)
    {
        var sink = new Sink(capture, limit);
        while (_pos < _len || Fill())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            Line += span.Count('\n');
            sink.Append(span);
            _pos = _len;
        }

        overflow = sink.Overflow;
    }

    /// <summary>
    /// The first line of what is left, without consuming it, when it fits in <paramref name="maxChars"/>
    /// (the buffer grows to look ahead); null when the line is longer.
    /// </summary>
    public string? PeekLine(int maxChars)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var i = span.IndexOf('\n');
            if (i >= 0)
            {
                return span[..i].TrimEnd('\r').ToString();
            }

            if (_eof || span.Length >= maxChars)
            {
                return _eof && span.Length <= maxChars ? span.ToString() : null;
            }

            if (_pos > 0)
            {
                span.CopyTo(_buffer);
                _len = span.Length;
                _pos = 0;
            }

            if (_len == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = reader.Read(_buffer, _len, _buffer.Length - _len);
            if (read == 0)
            {
                _eof = true;
            }

            _len += read;
        }
    }

    private ScanStatus ScanValue(ref Sink sink)
    {
        var c = Peek();
        switch (c)
        {
            case -1:
                return ScanStatus.Truncated;
            case '{' or '[':
                return ScanNested(ref sink);
            case '"':
                sink.Append((char)Read());
                return ScanStringBody(ref sink);
            case ',' or ':' or '}' or ']':
                return ScanStatus.Invalid;
            default:
                // A scalar (number, true, false, null) or garbage: runs to the next delimiter.
                while (true)
                {
                    c = Peek();
                    if (c is -1 or ',' or '}' or ']' or ' ' or '\t' or '\r' or '\n')
                    {
                        return ScanStatus.Ok;
                    }

                    sink.Append((char)Read());
                }
        }
    }

    private ScanStatus ScanNested(ref Sink sink)
    {
        long depth = 0;
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                return ScanStatus.Truncated;
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            var i = span.IndexOfAny(Structural);
            if (i < 0)
            {
                sink.Append(span);
                _pos = _len;
                continue;
            }

            sink.Append(span[..(i + 1)]);
            var c = span[i];
            _pos += i + 1;
            switch (c)
            {
                case '\n':
                    Line++;
                    break;
                case '"':
                    if (ScanStringBody(ref sink) != ScanStatus.Ok)
                    {
                        return ScanStatus.Truncated;
                    }

                    break;
                case '{' or '[':
                    depth++;
                    break;
                default:
                    // Mismatched closers ('{' ... ']') still end the value here: the JSON parser that
                    // receives the text reports the mismatch for this record and the scan goes on.
                    if (--depth == 0)
                    {
                        return ScanStatus.Ok;
                    }

                    break;
            }
        }
    }

    /// <summary>After the opening quote: consumes through the closing quote.</summary>
    private ScanStatus ScanStringBody(ref Sink sink)
    {
        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                return ScanStatus.Truncated;
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            var i = span.IndexOfAny(StringSpecial);
            if (i < 0)
            {
                sink.Append(span);
                _pos = _len;
                continue;
            }

            sink.Append(span[..(i + 1)]);
            var c = span[i];
            _pos += i + 1;
            if (c == '"')
            {
                return ScanStatus.Ok;
            }

            if (c == '\n')
            {
                Line++;
            }
            else
            {
                var escaped = Read();
                if (escaped < 0)
                {
                    return ScanStatus.Truncated;
                }

                sink.Append((char)escaped);
            }
        }
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _pos = 0;
        _len = reader.Read(_buffer, 0, _buffer.Length);
        if (_len == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }

    private struct Sink(StringBuilder? capture, int limit)
    {
        public bool Overflow;

        public void Append(char c)
        {
            if (capture is null)
            {
                return;
            }

            if (capture.Length < limit)
            {
                capture.Append(c);
            }
            else
            {
                Overflow = true;
            }
        }

        public void Append(ReadOnlySpan<char> span)
        {
            if (capture is null || span.IsEmpty)
            {
                return;
            }

            var room = limit - capture.Length;
            if (span.Length <= room)
            {
                capture.Append(span);
                return;
            }

            if (room > 0)
            {
                capture.Append(span[..room]);
            }

            Overflow = true;
        }
    }
}
