using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmRelationship.FakeDataverse;

/// <summary>A query the fake cannot answer: answered with 400 and the given Dataverse code.</summary>
internal sealed class FakeQueryException : Exception
{
    public FakeQueryException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public FakeQueryException()
    {
        Code = string.Empty;
    }

    public FakeQueryException(string message)
        : base(message)
    {
        Code = string.Empty;
    }

    public FakeQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = string.Empty;
    }

    public string Code { get; }
}

/// <summary>
/// The subset of OData query options crmrel sends, and nothing more: <c>$select</c>, <c>$filter</c> made of
/// <c>x eq value</c>, <c>startswith(x,'…')</c> and <c>Microsoft.Dynamics.CRM.In(PropertyName='x',PropertyValues=[…])</c>
/// joined by <c>and</c>, <c>$expand</c> of the steps' message and filter, and the fake's own <c>$skiptoken</c>.
/// <c>$skip</c> is refused, as Dataverse refuses it.
/// </summary>
internal sealed partial class ODataQuery
{
    public const string UnrecognizedCode = "0x80060888";

    private ODataQuery(IReadOnlyList<string>? select, IReadOnlyList<Func<Func<string, object?>, bool>> filters, IReadOnlyList<string> expand, string? after)
    {
        Select = select;
        Filters = filters;
        Expand = expand;
        After = after;
    }

    /// <summary>The selected properties, or null for all.</summary>
    public IReadOnlyList<string>? Select { get; }

    public IReadOnlyList<Func<Func<string, object?>, bool>> Filters { get; }

    public IReadOnlyList<string> Expand { get; }

    /// <summary>The id after which the page starts (from $skiptoken).</summary>
    public string? After { get; }

    public static ODataQuery Parse(IReadOnlyDictionary<string, string> options)
    {
        if (options.ContainsKey("$skip"))
        {
            throw new FakeQueryException(UnrecognizedCode, "The query parameter $skip is not supported");
        }

        foreach (var key in options.Keys)
        {
            if (key.StartsWith('$') && key is not ("$select" or "$filter" or "$expand" or "$skiptoken"))
            {
                throw new FakeQueryException(UnrecognizedCode, "The fake Dataverse does not support the query option " + key);
            }
        }

        var select = options.TryGetValue("$select", out var s) ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var filters = options.TryGetValue("$filter", out var f) ? ParseFilter(f) : new List<Func<Func<string, object?>, bool>>();
        var expand = options.TryGetValue("$expand", out var e) ? ExpandNames(e) : new List<string>();
        string? after = null;
        if (options.TryGetValue("$skiptoken", out var token))
        {
            var match = SkipToken().Match(token);
            if (!match.Success)
            {
                throw new FakeQueryException(UnrecognizedCode, "The $skiptoken is not one this server issued");
            }

            after = match.Groups[1].Value;
        }

        return new ODataQuery(select, filters, expand, after);
    }

    public static string SkipTokenFor(int page, string lastId) =>
        "<cookie pagenumber=\"" + page.ToString(CultureInfo.InvariantCulture) + "\" lastid=\"" + lastId + "\" />";

    public static int PageNumber(string? token) =>
        token is not null && PageNumberPattern().Match(token) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;

    private static List<string> ExpandNames(string expand)
    {
        var names = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= expand.Length; i++)
        {
            if (i == expand.Length || (expand[i] == ',' && depth == 0))
            {
                var part = expand[start..i].Trim();
                var paren = part.IndexOf('(', StringComparison.Ordinal);
                names.Add(paren < 0 ? part : part[..paren]);
                start = i + 1;
            }
            else if (expand[i] == '(')
            {
                depth++;
            }
            else if (expand[i] == ')')
            {
                depth--;
            }
        }

        return names;
    }

    private static List<Func<Func<string, object?>, bool>> ParseFilter(string filter)
    {
        var terms = new List<Func<Func<string, object?>, bool>>();
        foreach (var term in SplitAnd(filter))
        {
            if (Equality().Match(term) is { Success: true } eq)
            {
                var property = eq.Groups[1].Value;
                var literal = eq.Groups[2].Value;
                terms.Add(get => Same(get(property), literal));
            }
            else if (StartsWith().Match(term) is { Success: true } sw)
            {
                var property = sw.Groups[1].Value;
                var prefix = sw.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal);
                terms.Add(get => get(property) is string text && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            }
            else if (In().Match(term) is { Success: true } inTerm)
            {
                var property = inTerm.Groups[1].Value;
                var values = inTerm.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => v.Trim('\'')).ToHashSet(StringComparer.OrdinalIgnoreCase);
                terms.Add(get => get(property) is { } value && values.Contains(Text(value)));
            }
            else
            {
                throw new FakeQueryException(UnrecognizedCode, "The fake Dataverse does not support the filter term '" + term + "'");
            }
        }

        return terms;
    }

    private static IEnumerable<string> SplitAnd(string filter)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && string.CompareOrdinal(filter, i, " and ", 0, 5) == 0)
            {
                yield return filter[start..i].Trim();
                start = i + 5;
                i += 4;
            }
        }

        yield return filter[start..].Trim();
    }

    private static bool Same(object? value, string literal)
    {
        if (literal == "null")
        {
            return value is null;
        }

        if (literal.StartsWith('\''))
        {
            return value is not null && string.Equals(Text(value), literal.Trim('\''), StringComparison.OrdinalIgnoreCase);
        }

        return value is not null && string.Equals(Text(value), literal, value is Guid ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Text(object value) => value switch
    {
        Guid id => id.ToString("D"),
        FakeLookup lookup => lookup.Id.ToString("D"),
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"^(\w+) eq ('[^']*'|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|-?\d+|null)$")]
    private static partial Regex Equality();

    [GeneratedRegex(@"^startswith\((\w+),'((?:[^']|'')*)'\)$")]
    private static partial Regex StartsWith();

    [GeneratedRegex(@"^Microsoft\.Dynamics\.CRM\.In\(PropertyName='(\w+)',PropertyValues=\[([^\]]*)\]\)$")]
    private static partial Regex In();

    [GeneratedRegex("lastid=\"([^\"]+)\"")]
    private static partial Regex SkipToken();

    [GeneratedRegex("pagenumber=\"(\\d+)\"")]
    private static partial Regex PageNumberPattern();
}
