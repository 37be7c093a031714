using System;
using System.Globalization;
using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>
/// The one writer of explanations, for contacts and accounts (relationship-model.md §6): one line per
/// finding, plain text, at most <see cref="MaxLength"/> characters, cut after the last whole line that
/// fits. Every caller, whether it keeps the text as a string or streams it into a file, gets the same text.
/// </summary>
/// <remarks>
/// Nothing is concatenated: each piece is a string the caller passes or one from a table (an ASCII
/// character, two digits of a number). A line is held back as its pieces until the next line starts or
/// <see cref="End"/> is called, when it is known whether it fits, and then handed to the sink piece by
/// piece. The buffer of pieces is kept per thread and reused, so writing allocates nothing (but for stored
/// text that must be made plain, and a first line cut at the cap). Call <see cref="End"/> once, last.
/// </remarks>
internal struct ExplanationWriter
{
    /// <summary>The size of the explanation column on contact and account (Solution/src, rel_scoreexplanation).</summary>
    public const int MaxLength = 2000;

    /// <summary>Each ASCII character as a string, so that every held piece is a string.</summary>
    private static readonly string[] Ascii = Strings(128, i => ((char)i).ToString());

    /// <summary>"00" to "99": numbers and dates are held as two digits to a piece.</summary>
    private static readonly string[] TwoDigits = Strings(100, i => i.ToString("00", CultureInfo.InvariantCulture));

    private readonly IExplanationSink sink;
    private string[] pieces;
    private int count;
    private int lineLength;
    private bool lineOpen;
    private bool anyLineWritten;
    private int written;
    private bool full;

    public ExplanationWriter(IExplanationSink sink)
    {
        this.sink = sink;
        // A new buffer per writer: the plug-in assembly holds no static mutable state (the sandbox runs one instance on many threads).
        pieces = new string[64];
        count = 0;
        lineLength = 0;
        lineOpen = false;
        anyLineWritten = false;
        written = 0;
        full = false;
    }

    /// <summary>Starts a new line with <paramref name="text"/>.</summary>
    public void Line(string text)
    {
        if (lineOpen)
        {
            Commit(moreFollows: true);
        }

        lineOpen = true;
        Text(text);
    }

    /// <summary>Writes the last line, if it fits.</summary>
    public void End()
    {
        if (lineOpen)
        {
            Commit(moreFollows: false);
            lineOpen = false;
        }
    }

    public void Text(string text)
    {
        if (full)
        {
            return;
        }

        if (count == pieces.Length)
        {
            Array.Resize(ref pieces, pieces.Length * 2);
        }

        pieces[count++] = text;
        lineLength += text.Length;
    }

    public void Char(char character) => Text(character < Ascii.Length ? Ascii[character] : character.ToString());

    /// <summary>"A", "A and B", "A, B and C": call before the item at <paramref name="index"/> of <paramref name="count"/>.</summary>
    public void Separator(int index, int count)
    {
        if (index > 0)
        {
            Text(index == count - 1 ? " and " : ", ");
        }
    }

    public void IsAre(int count) => Text(count == 1 ? " is" : " are");

    public void Number(long value)
    {
        if (value < 0)
        {
            Text("-");
            value = -value;
        }

        if (value >= 100)
        {
            Number(value / 100);
            Text(TwoDigits[value % 100]);
        }
        else
        {
            Text(value < 10 ? Ascii['0' + value] : TwoDigits[value]);
        }
    }

    /// <summary>The number with its sign: +1, 0, -1.</summary>
    public void Signed(int value)
    {
        if (value > 0)
        {
            Char('+');
        }

        Number(value);
    }

    /// <summary>yyyy-MM-dd.</summary>
    public void Date(DateTime value)
    {
        Text(TwoDigits[value.Year / 100]);
        Text(TwoDigits[value.Year % 100]);
        Text("-");
        Text(TwoDigits[value.Month]);
        Text("-");
        Text(TwoDigits[value.Day]);
    }

    /// <summary>True when <see cref="PlainText"/> writes anything for <paramref name="text"/>.</summary>
    public static bool HasPlainText(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c != '<' && c != '>' && !char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Stored text (a name, an id) as one line of plain text (relationship-model.md §6: one line per
    /// finding, no markup): line breaks, tabs and other blank or control characters become one space,
    /// blanks at either end are dropped, and so are '&lt;' and '&gt;'.
    /// </summary>
    public void PlainText(string text)
    {
        if (IsPlain(text))
        {
            Text(text);
            return;
        }

        var plain = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '<' || c == '>')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = plain.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                plain.Append(' ');
                pendingSpace = false;
            }

            plain.Append(c);
        }

        Text(plain.ToString());
    }

    /// <summary>True when <see cref="PlainText"/> would write <paramref name="text"/> unchanged.</summary>
    private static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' || c == '>')
            {
                return false;
            }

            if ((char.IsWhiteSpace(c) || char.IsControl(c))
                && (c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes the held line when it fits; otherwise drops it and everything after it. A first line longer
    /// than <see cref="MaxLength"/> is cut at <see cref="MaxLength"/>, so the text is never empty.
    /// </summary>
    private void Commit(bool moreFollows)
    {
        if (!full)
        {
            var separator = anyLineWritten ? 1 : 0;
            var end = written + separator + lineLength;

            // A line that ends exactly on MaxLength is kept only when no line follows (or it is the first):
            // the rule this writer took over cut the text at MaxLength, then at the last line break before.
            if (moreFollows ? end < MaxLength : end <= MaxLength)
            {
                if (anyLineWritten)
                {
                    sink.Append('\n');
                }

                Flush(lineLength);
                written = end;
                anyLineWritten = true;
            }
            else
            {
                if (!anyLineWritten)
                {
                    Flush(MaxLength);
                    written = MaxLength;
                    anyLineWritten = true;
                }

                full = true;
            }
        }

        count = 0;
        lineLength = 0;
    }

    /// <summary>Gives the held pieces to the sink, at most <paramref name="limit"/> characters of them.</summary>
    private void Flush(int limit)
    {
        for (var i = 0; i < count && limit > 0; i++)
        {
            var piece = pieces[i];
            sink.Append(piece.Length <= limit ? piece : piece.Substring(0, limit));
            limit -= piece.Length;
        }
    }

    private static string[] Strings(int count, Func<int, string> text)
    {
        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            strings[i] = text(i);
        }

        return strings;
    }
}
