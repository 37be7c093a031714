using System;
using System.Linq;
using System.Text;

namespace CrmRelationship.SolutionModel.Generation;

/// <summary>
/// Code identifiers derived from names in the source, so that none is typed by hand: every run of letters and
/// digits (apostrophes dropped) is a word, each word starts upper case and keeps the rest as written ("Low risk, move on" →
/// LowRiskMoveOn, "Half-yearly" → HalfYearly, "Inner Circle" → InnerCircle, "rel_ActionUrgency" without its
/// prefix → ActionUrgency).
/// </summary>
public static class Identifier
{
    /// <summary>PascalCase, for C# types and members and the keys of TypeScript enum-like objects.</summary>
    /// <exception cref="GenerationException">The text has no letter, or starts with a digit.</exception>
    public static string Pascal(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var result = new StringBuilder(text.Length);
        var wordStart = true;
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                continue; // "Customer's view" → CustomersView: an apostrophe does not start a word.
            }

            if (!char.IsLetterOrDigit(c))
            {
                wordStart = true;
                continue;
            }

            result.Append(wordStart ? char.ToUpperInvariant(c) : c);
            wordStart = false;
        }

        var identifier = result.ToString();
        if (identifier.Length == 0 || char.IsDigit(identifier[0]) || !identifier.Any(char.IsLetter))
        {
            throw new GenerationException($"'{text}' gives no identifier: a name must start with a letter.");
        }

        return identifier;
    }

    /// <summary>camelCase, for TypeScript properties: <see cref="Pascal"/> with its first letter lower case.</summary>
    public static string Camel(string text)
    {
        var pascal = Pascal(text);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>A name without the publisher's prefix: rel_ActionUrgency → ActionUrgency.</summary>
    public static string WithoutPrefix(string name, string prefix)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var start = prefix + "_";
        return name.StartsWith(start, StringComparison.OrdinalIgnoreCase) ? name.Substring(start.Length) : name;
    }
}
