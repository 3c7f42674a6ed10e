namespace SkillScope.Model;

/// <summary>
/// Text a spreadsheet would run as a formula (CSV injection, OWASP): a cell starting with '=', '+', '-' or '@', or with
/// a tab or carriage return before one. Stored text is never changed for it; CSV writers neutralize such a cell
/// (<see cref="CsvCell"/>), and ingest does not trim the whitespace that keeps a cell from starting with a formula.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>True when a spreadsheet would read <paramref name="text"/> as a formula or could after trimming.</summary>
    public static bool StartsLikeFormula(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// <paramref name="text"/> without surrounding whitespace, except that leading whitespace is kept when removing it
    /// would leave a formula ("\t=1+1" stays as it is; "  =1+1" too); null when nothing is left.
    /// </summary>
    public static string? TrimSafely(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length != text.Length && char.IsWhiteSpace(text[0]) && StartsLikeFormula(trimmed))
        {
            return text.TrimEnd();
        }

        return trimmed;
    }
}

/// <summary>One CSV cell (RFC 4180), neutralized against formula injection as OWASP advises.</summary>
public static class CsvCell
{
    /// <summary>
    /// Quoted when it holds a comma, quote, line break or edge space; a text that a spreadsheet would run as a formula
    /// (<see cref="SpreadsheetText.StartsLikeFormula"/>) is prefixed with an apostrophe and quoted, so it shows as text.
    /// Numbers written by SkillScope are not passed through here: "-5" stays a number.
    /// </summary>
    public static string Format(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var formula = SpreadsheetText.StartsLikeFormula(text);
        if (!formula && text.AsSpan().IndexOfAny(",\"\r\n") < 0 && text[0] != ' ' && text[^1] != ' ')
        {
            return text;
        }

        return "\"" + (formula ? "'" : "") + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
