using System;

namespace CrmRelationship.Scoring;

/// <summary>
/// The one writer of explanations, for contacts and accounts (relationship-model.md §6): one line per
/// finding, plain text, at most <see cref="MaxLength"/> characters, cut after the last whole line that
/// fits. It writes to a sink without intermediate strings (numbers and dates digit by digit), so every
/// caller, whether it keeps the text as a string or streams it into a file, gets the same text.
/// </summary>
/// <remarks>
/// A line is held back as the pieces it was written from (references, not copies) until the next line
/// starts or <see cref="End"/> is called; only then is it known whether it fits. The piece buffer is
/// kept per thread and reused, so writing allocates nothing. Call <see cref="End"/> once, last.
/// </remarks>
internal struct ExplanationWriter
{
    /// <summary>The size of the explanation column on contact and account (Solution/src, rel_scoreexplanation).</summary>
    public const int MaxLength = 2000;

    [ThreadStatic]
    private static Piece[]? spare;

    private readonly IExplanationSink sink;
    private Piece[] pieces;
    private int count;
    private int lineLength;
    private bool lineOpen;
    private bool anyLineWritten;
    private int written;
    private bool full;

    public ExplanationWriter(IExplanationSink sink)
    {
        this.sink = sink;
        pieces = spare ?? new Piece[64];
        spare = null;
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

    /// <summary>Writes the last line, if it fits, and gives the piece buffer back for the next writer.</summary>
    public void End()
    {
        if (lineOpen)
        {
            Commit(moreFollows: false);
            lineOpen = false;
        }

        spare = pieces;
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

        pieces[count++] = new Piece(text, '\0');
        lineLength += text.Length;
    }

    public void Char(char character)
    {
        if (full)
        {
            return;
        }

        if (count == pieces.Length)
        {
            Array.Resize(ref pieces, pieces.Length * 2);
        }

        pieces[count++] = new Piece(null, character);
        lineLength++;
    }

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
            Char('-');
            value = -value;
        }

        long divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            Char((char)('0' + ((value / divisor) % 10)));
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
        Digits(value.Year, 4);
        Char('-');
        Digits(value.Month, 2);
        Char('-');
        Digits(value.Day, 2);
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

        var wrote = false;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '<' || c == '>')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = wrote;
                continue;
            }

            if (pendingSpace)
            {
                Char(' ');
                pendingSpace = false;
            }

            Char(c);
            wrote = true;
        }
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

    private void Digits(int value, int width)
    {
        for (var divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10)
        {
            Char((char)('0' + ((value / divisor) % 10)));
        }
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

            // A line that ends exactly at MaxLength is kept only when it is the last one: the rule this
            // writer took over cut the text at MaxLength and then at the last line break before the cut.
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
            if (piece.Text is null)
            {
                sink.Append(piece.Character);
                limit--;
            }
            else if (piece.Text.Length <= limit)
            {
                sink.Append(piece.Text);
                limit -= piece.Text.Length;
            }
            else
            {
                sink.Append(piece.Text.Substring(0, limit));
                limit = 0;
            }
        }
    }

    /// <summary>A piece of a held line: a string, or one character when <see cref="Text"/> is null.</summary>
    private readonly struct Piece
    {
        public Piece(string? text, char character)
        {
            Text = text;
            Character = character;
        }

        public string? Text { get; }

        public char Character { get; }
    }
}
