using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillScope.Career;

/// <summary>A period of work in whole months: [Start, End) as month numbers (year x 12 + month - 1).</summary>
/// <param name="TextStart">Where the range is written in its line.</param>
/// <param name="TextEnd">Just past where it is written.</param>
internal readonly record struct MonthRange(int Start, int End, bool Current, int TextStart, int TextEnd)
{
    public int Months => End - Start;

    public static int MonthNumber(int year, int month) => (year * 12) + month - 1;

    public static DateOnly ToDate(int monthNumber) => new(monthNumber / 12, (monthNumber % 12) + 1, 1);
}

/// <summary>
/// Date ranges of positions as resumes write them: "Jan 2020 – Present", "03/2018 - 06/2020", "2019-01 to 2021-06",
/// "2018 – 2020", "Summer 2019 - Fall 2019", "since May 2021". A month given by name or number counts whole
/// (Jan 2020 – Mar 2020 is three months); a year alone stands for January (2018 – 2020 is two years), so a range never
/// claims more than its dates show.
/// </summary>
internal static partial class DateRanges
{
    /// <summary>Every range in the line, in order. Ranges that end before they start or start after <paramref name="asOf"/> are reported in <paramref name="problems"/>.</summary>
    public static List<MonthRange> Find(string line, DateOnly asOf, List<string>? problems = null)
    {
        var ranges = new List<MonthRange>();
        var tokens = new List<(Match Match, int? Month, int? Year, bool Now)>();
        foreach (Match m in DateToken().Matches(line))
        {
            tokens.Add(Read(m));
        }

        var now = MonthRange.MonthNumber(asOf.Year, asOf.Month);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (match, month, year, isNow) = tokens[i];
            if (isNow || year is null)
            {
                continue;
            }

            var start = MonthRange.MonthNumber(year.Value, month ?? 1);
            int end;
            var current = false;
            var textEnd = match.Index + match.Length;
            if (i + 1 < tokens.Count && Separator().IsMatch(line.AsSpan(textEnd, tokens[i + 1].Match.Index - textEnd)))
            {
                var next = tokens[i + 1];
                current = next.Now;
                end = next.Now ? now + 1
                    : next.Month is { } m2 ? MonthRange.MonthNumber(next.Year!.Value, m2) + 1
                    : MonthRange.MonthNumber(next.Year!.Value, 1);
                textEnd = next.Match.Index + next.Match.Length;
                i++;
            }
            else if (Since().IsMatch(line.AsSpan(0, match.Index)))
            {
                current = true;
                end = now + 1;
            }
            else
            {
                continue;
            }

            var written = line[match.Index..textEnd];
            if (start > now)
            {
                problems?.Add($"'{written}' starts after {asOf:yyyy-MM-dd}; not counted");
                continue;
            }

            end = Math.Min(end, now + 1);
            if (end < start)
            {
                problems?.Add($"'{written}' ends before it starts; not counted");
                continue;
            }

            ranges.Add(new MonthRange(start, Math.Max(end, start + 1), current, match.Index, textEnd));
        }

        return ranges;
    }

    /// <summary>Total months covered, overlapping periods counted once.</summary>
    public static int MergedMonths(IEnumerable<MonthRange> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Start).ThenBy(r => r.End).ToList();
        var total = 0;
        int? openStart = null, openEnd = null;
        foreach (var r in sorted)
        {
            if (openEnd is { } e && r.Start <= e)
            {
                openEnd = Math.Max(e, r.End);
                continue;
            }

            if (openStart is { } s)
            {
                total += openEnd!.Value - s;
            }

            (openStart, openEnd) = (r.Start, r.End);
        }

        if (openStart is { } last)
        {
            total += openEnd!.Value - last;
        }

        return total;
    }

    /// <summary>A date as JSON Resume writes it: YYYY-MM-DD, YYYY-MM or YYYY. Null when it is none of them.</summary>
    public static (int Year, int? Month)? ParseIso(string text)
    {
        var t = text.Trim();
        if (t.Length >= 4 && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            if (t.Length == 4)
            {
                return (year, null);
            }

            if (t.Length >= 7 && t[4] == '-' && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
                && (t.Length == 7 || (t.Length == 10 && t[7] == '-' && int.TryParse(t.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)))
            {
                return (year, month);
            }
        }

        return null;
    }

    private static (Match, int?, int?, bool) Read(Match m)
    {
        var g = m.Groups;
        if (g["now"].Success)
        {
            return (m, null, null, true);
        }

        if (g["mon"].Success)
        {
            return (m, MonthOf(g["mon"].Value), Int(g["y1"].Value), false);
        }

        if (g["season"].Success)
        {
            var month = g["season"].Value.ToUpperInvariant() switch { "SPRING" => 3, "SUMMER" => 6, "WINTER" => 12, _ => 9 };
            return (m, month, Int(g["y2"].Value), false);
        }

        if (g["m3"].Success)
        {
            return (m, Int(g["m3"].Value), Int(g["y3"].Value), false);
        }

        if (g["m4"].Success)
        {
            return (m, Int(g["m4"].Value), Int(g["y4"].Value), false);
        }

        return (m, null, Int(g["y5"].Value), false);
    }

    private static int MonthOf(string name) => name[..3].ToUpperInvariant() switch
    {
        "JAN" => 1, "FEB" => 2, "MAR" => 3, "APR" => 4, "MAY" => 5, "JUN" => 6,
        "JUL" => 7, "AUG" => 8, "SEP" => 9, "OCT" => 10, "NOV" => 11, _ => 12,
    };

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![\w/.\-])(?:(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*['’]?(?<y1>(?:19|20)\d{2})|(?<season>spring|summer|fall|autumn|winter)\s+(?<y2>(?:19|20)\d{2})|(?<m3>0?[1-9]|1[0-2])\s*[/.\-]\s*(?<y3>(?:19|20)\d{2})|(?<y4>(?:19|20)\d{2})\s*[/.\-]\s*(?<m4>0[1-9]|1[0-2])(?![\d])|(?<y5>(?:19|20)\d{2})|(?<now>present|current|now|today|ongoing|to\s+date))(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateToken();

    [GeneratedRegex(@"^\s*(?:-{1,2}|–|—|~|to|until|till|through|thru|[-–—]\s*to)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\b(?:since|from)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Since();
}
