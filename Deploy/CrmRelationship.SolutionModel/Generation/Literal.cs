using System.Globalization;
using System.Text;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>Text from the source written safely into code: string literals and documentation comments.</summary>
internal static class Literal
{
    private static readonly char[] LineBreaks = { '\r', '\n' };

    /// <summary>A double-quoted string literal, valid in both C# and TypeScript.</summary>
    public static string Quoted(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"').ToString();
    }

    /// <summary>Text for a C# XML documentation comment, on one line.</summary>
    public static string XmlDoc(string value) =>
        OneLine(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text for a TypeScript documentation comment, on one line.</summary>
    public static string JsDoc(string value) => OneLine(value).Replace("*/", "* /");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string value) => string.Join(" ", value.Split(LineBreaks, System.StringSplitOptions.RemoveEmptyEntries)).Trim();
}
