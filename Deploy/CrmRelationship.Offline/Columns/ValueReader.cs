using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
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

    /// <summary>The problem for a row whose CSV syntax is broken or that holds a value too long to import, or null.</summary>
    public static string? Syntax(CsvRow row, CsvLayout layout)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(layout);
        switch (row.Error)
        {
            case CsvRowError.UnclosedQuote:
                return "the quote that opens on line " + row.QuoteLine.ToString(CultureInfo.InvariantCulture) + " is never closed, so "
                    + (row.SwallowedLines == 0
                        ? "it runs to the end of the file"
                        : "the " + Count(row.SwallowedLines) + (row.SwallowedLines == 1 ? " line" : " lines") + " after it, to the end of the file, "
                          + (row.SwallowedLines == 1 ? "was" : "were") + " read into this row and not scored")
                    + " (close the quote, or double a quote inside a value)";
            case CsvRowError.TextAfterQuote:
                return "a quoted value is followed by more text before the next comma (a quote inside a value must be doubled)";
            case CsvRowError.ValueTooLong:
                return (row.ErrorValue < layout.Count ? layout.Header[row.ErrorValue].Trim() : "value " + (row.ErrorValue + 1).ToString(CultureInfo.InvariantCulture))
                    + " holds " + Count(row.ErrorSize) + " characters, more than the " + Count(CsvReader.MaxValueLength) + " a Dataverse text column can hold";
            case CsvRowError.RowTooLong:
                return "the row is " + Count(row.ErrorSize) + " bytes long, more than the " + Count(CsvReader.DefaultMaxRecordBytes) + " crmrel reads in one row";
        }

        return row.Count == layout.Count
            ? null
            : "the row has " + row.Count.ToString(CultureInfo.InvariantCulture) + " values but the header has "
              + layout.Count.ToString(CultureInfo.InvariantCulture) + " columns (an unquoted comma or a missing value?)";
    }

    /// <summary>
    /// The value in quotes for a message, shortened and kept on one line. A character that cannot be seen
    /// (a control or format character such as a zero-width space, or a space other than U+0020 such as a
    /// non-breaking space) is written as its code, so that a label that differs only by one shows why.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> value)
    {
        var shown = value.Length > MaxQuotedValue ? value[..MaxQuotedValue] : value;
        var text = new StringBuilder(shown.Length + 2).Append('"');
        string? first = null;
        foreach (var c in shown)
        {
            if (c == '\r')
            {
                text.Append("\\r");
            }
            else if (c == '\n')
            {
                text.Append("\\n");
            }
            else if (IsInvisible(c))
            {
                var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                first ??= code;
                text.Append('<').Append(code).Append('>');
            }
            else
            {
                text.Append(c);
            }
        }

        if (value.Length > MaxQuotedValue)
        {
            text.Append('…');
        }

        text.Append('"');
        return first is null ? text.ToString() : text.Append(" (with the invisible character ").Append(first).Append(')').ToString();
    }

    /// <summary>Whether the character shows nothing on screen, or shows as a plain space though it is not one.</summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.SpaceSeparator => c != ' ',
        _ => false,
    };

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
