using System;
using System.Text;

namespace CrmRelationship.Scoring;

/// <summary>
/// Receives an explanation piece by piece, so a caller that only writes it out (the offline scorer's
/// CSV writer) never needs the whole text as a string.
/// </summary>
public interface IExplanationSink
{
    void Append(string text);

    void Append(char character);
}

/// <summary>Collects an explanation into a string.</summary>
internal sealed class StringExplanationSink : IExplanationSink
{
    private readonly StringBuilder text = new(1024);

    public void Append(string text) => this.text.Append(text);

    public void Append(char character) => text.Append(character);

    public override string ToString() => text.ToString();
}

/// <summary>
/// Writes explanation lines (one per finding, plain text) to a sink without intermediate strings:
/// numbers and dates are written digit by digit, lists with their separators.
/// </summary>
internal struct ExplanationWriter
{
    private readonly IExplanationSink sink;
    private bool started;

    public ExplanationWriter(IExplanationSink sink)
    {
        this.sink = sink;
        started = false;
    }

    /// <summary>Starts a new line (the first line needs no break).</summary>
    public void Line(string text)
    {
        if (started)
        {
            sink.Append('\n');
        }

        started = true;
        sink.Append(text);
    }

    public void Text(string text) => sink.Append(text);

    public void Char(char character) => sink.Append(character);

    /// <summary>"A", "A and B", "A, B and C": call before the item at <paramref name="index"/> of <paramref name="count"/>.</summary>
    public void Separator(int index, int count)
    {
        if (index > 0)
        {
            sink.Append(index == count - 1 ? " and " : ", ");
        }
    }

    public void IsAre(int count) => sink.Append(count == 1 ? " is" : " are");

    public void Number(int value)
    {
        if (value < 0)
        {
            sink.Append('-');
            value = -value;
        }

        var divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            sink.Append((char)('0' + ((value / divisor) % 10)));
        }
    }

    public void Signed(int value)
    {
        if (value > 0)
        {
            sink.Append('+');
        }

        Number(value);
    }

    /// <summary>yyyy-MM-dd.</summary>
    public void Date(DateTime value)
    {
        Digits(value.Year, 4);
        sink.Append('-');
        Digits(value.Month, 2);
        sink.Append('-');
        Digits(value.Day, 2);
    }

    private void Digits(int value, int width)
    {
        for (var divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10)
        {
            sink.Append((char)('0' + ((value / divisor) % 10)));
        }
    }
}
