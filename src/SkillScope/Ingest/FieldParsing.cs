using System.Globalization;

namespace SkillScope.Ingest;

/// <summary>Culture-free conversions of field text, shared by the readers. Failures are false, not exceptions.</summary>
internal static class FieldParsing
{
    /// <summary>A plain number: optional sign, digits, optional thousands separators and decimal point.</summary>
    public static bool TryDecimal(string? text, out decimal value)
    {
        if (text is null)
        {
            value = 0;
            return false;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryInt(string? text, out int value)
    {
        if (text is null)
        {
            value = 0;
            return false;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// An ISO 8601 date, or the date part of an ISO 8601 date-time ("2026-01-16T10:44:51Z") as written,
    /// without time-zone conversion: the day the source states is the day kept.
    /// </summary>
    public static bool TryIsoDate(string? text, out DateOnly value)
    {
        value = default;
        if (text is null || text.Length < 10)
        {
            return false;
        }

        if (text.Length > 10 && text[10] is not ('T' or 't' or ' '))
        {
            return false;
        }

        if (text.Length > 10 && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _))
        {
            return false;
        }

        return DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static bool TryBool(string? text, out bool value)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "1" or "TRUE" or "YES" or "Y" or "T":
                value = true;
                return true;
            case "0" or "FALSE" or "NO" or "N" or "F":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Why a pay amount cannot be used ("-5" is negative, "NaN" is not a number), or null with the amount.</summary>
    public static string? AmountError(string column, string? text, out decimal value)
    {
        if (!TryDecimal(text, out value))
        {
            return text?.Trim().ToUpperInvariant() is "NAN" or "INF" or "-INF" or "INFINITY" or "-INFINITY"
                ? $"{column} {Quote(text)} is not a number (a NaN or infinity from a spreadsheet or pandas); leave the cell empty when there is no pay"
                : $"{column} {Quote(text)} is not a number";
        }

        return value < 0 ? $"{column} {Quote(text)} is negative; pay cannot be below zero" : null;
    }

    /// <summary>Shortens a value for an error message.</summary>
    public static string Quote(string? text)
    {
        if (text is null)
        {
            return "(empty)";
        }

        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 40 ? $"'{oneLine}'" : $"'{oneLine[..37]}...'";
    }

    /// <summary>An optional ISO date column: true with null when empty; false with a reason when it is not a date.</summary>
    public static bool TryOptionalDate(string? text, string column, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (!TryIsoDate(text, out var parsed))
        {
            error = $"{column} {Quote(text)} is not a date (yyyy-mm-dd)";
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>
    /// Optional salary_min / salary_max columns: both null when both are empty; one given stands for both;
    /// false with a reason when either is not a non-negative number.
    /// </summary>
    public static bool TrySalaryRange(string? minText, string? maxText, out decimal? min, out decimal? max, out string? error)
    {
        min = null;
        max = null;
        error = null;
        if (minText is null && maxText is null)
        {
            return true;
        }

        if (AmountError("salary_min", minText ?? maxText, out var low) is { } minError)
        {
            error = minError;
            return false;
        }

        if (AmountError("salary_max", maxText ?? minText, out var high) is { } maxError)
        {
            error = maxError;
            return false;
        }

        (min, max) = (low, high);
        return true;
    }
}
