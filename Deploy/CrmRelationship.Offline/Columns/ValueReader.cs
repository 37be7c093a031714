using System;
using System.Collections.Generic;
using System.Globalization;
using CrmRelationship.Offline.Csv;

namespace CrmRelationship.Offline.Columns;

/// <summary>
/// Reads one input value in the export's formats (display labels, "a; b" multi-select, yyyy-MM-dd,
/// ISO 8601) without allocating on success. A value that cannot be right adds one problem naming the
/// column and the value, and the row is rejected; an empty value is "not assessed", never a problem.
/// </summary>
internal static class ValueReader
{
    private const int MaxQuotedValue = 60;

    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    };

    public static TChoice? Choice<TChoice>(ReadOnlySpan<char> raw, string column, List<string> problems)
        where TChoice : struct, Enum
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        var table = ChoiceTable<TChoice>.Instance;
        if (table.TryParse(text, out var value, out _))
        {
            return value;
        }

        problems.Add(column + " has " + Quote(text) + ", which is not one of " + table.Allowed);
        return null;
    }

    /// <summary>A multi-select value as a bit mask over the label order (bit i = i-th label); spaces around ';' and empty items are ignored.</summary>
    public static int MultiSelect<TChoice>(ReadOnlySpan<char> raw, string column, List<string> problems)
        where TChoice : struct, Enum
    {
        var table = ChoiceTable<TChoice>.Instance;
        var mask = 0;
        var rest = raw;
        while (true)
        {
            var separator = rest.IndexOf(';');
            var item = (separator < 0 ? rest : rest[..separator]).Trim();
            if (!item.IsEmpty)
            {
                if (table.TryParse(item, out _, out var index))
                {
                    mask |= 1 << index;
                }
                else
                {
                    problems.Add(column + " has " + Quote(item) + ", which is not one of " + table.Allowed + " (separate several with ;)");
                }
            }

            if (separator < 0)
            {
                return mask;
            }

            rest = rest[(separator + 1)..];
        }
    }

    /// <summary>A date-only value, yyyy-MM-dd.</summary>
    public static DateTime? Date(ReadOnlySpan<char> raw, string column, List<string> problems)
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(column + " has " + Quote(text) + ", which is not a date in yyyy-MM-dd form");
        return null;
    }

    /// <summary>An ISO 8601 date and time (UTC when no offset is given), e.g. 2026-11-24T09:30:00Z.</summary>
    public static DateTime? DateAndTime(ReadOnlySpan<char> raw, string column, List<string> problems)
    {
        var text = raw.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        problems.Add(column + " has " + Quote(text) + ", which is not an ISO 8601 date and time such as 2026-11-24T09:30:00Z");
        return null;
    }

    /// <summary>statecode: Active or empty is active, Inactive is not.</summary>
    public static bool IsActive(ReadOnlySpan<char> raw, string column, List<string> problems)
    {
        var text = raw.Trim();
        if (text.IsEmpty || text.SequenceEqual(StateLabels.Active))
        {
            return true;
        }

        if (text.SequenceEqual(StateLabels.Inactive))
        {
            return false;
        }

        problems.Add(column + " has " + Quote(text) + ", which is not one of " + StateLabels.Active + " or " + StateLabels.Inactive);
        return true;
    }

    /// <summary>The problem for a row whose CSV syntax is broken, or null.</summary>
    public static string? Syntax(CsvRow row, int expectedCount)
    {
        if (row.Error == CsvRowError.UnclosedQuote)
        {
            return "a quoted value starts on this row and is never closed, so the rest of the file was read as one value";
        }

        if (row.Error == CsvRowError.TextAfterQuote)
        {
            return "a quoted value is followed by more text before the next comma (a quote inside a value must be doubled)";
        }

        return row.Count == expectedCount
            ? null
            : "the row has " + row.Count.ToString(CultureInfo.InvariantCulture) + " values but the header has "
              + expectedCount.ToString(CultureInfo.InvariantCulture) + " columns (an unquoted comma or a missing value?)";
    }

    /// <summary>The value in quotes for a message, shortened and kept on one line.</summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var text = value.Length > MaxQuotedValue ? string.Concat(value[..MaxQuotedValue], "…") : value.ToString();
        return "\"" + text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }
}
