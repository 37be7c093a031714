using System.Text;

namespace CrmRelationship.Deploy.Commands;

/// <summary>
/// Text from the user's files (names, ids, paths, header names) as crmrel shows it on a terminal:
/// control characters are removed, so that an escape sequence in a contact's name cannot clear the
/// screen, retitle the window or recolour what follows, and so are the bidirectional controls that
/// reorder text; line breaks and tabs become one space. A name is cut at <see cref="MaxNameLength"/>
/// characters, so that a huge value fills neither the screen nor the memory of the table that lays it out.
/// </summary>
internal static class ConsoleText
{
    public const int MaxNameLength = 200;

    /// <summary>A name or id from a file: plain and at most <see cref="MaxNameLength"/> characters (then "…").</summary>
    public static string Name(string? value) => Plain(value, MaxNameLength);

    /// <summary>Text with every control character removed, and line breaks and tabs as one space.</summary>
    public static string Plain(string? value, int maxLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length < maxLength ? value.Length : maxLength + 1);
        var shown = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (shown >= maxLength)
            {
                text.Append('…');
                break;
            }

            if (c is '\r' or '\n' or '\t')
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                    shown++;
                }
            }
            else if (!char.IsControl(c) && !IsBidirectionalControl(c) && !(char.IsHighSurrogate(c) && shown + 1 >= maxLength))
            {
                text.Append(c);
                shown++;
            }
        }

        return text.ToString();
    }

    private static bool IsBidirectionalControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
