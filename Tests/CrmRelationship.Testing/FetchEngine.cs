using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// Runs the subset of FetchXML the product uses against the store: one table with its named attributes,
/// filters (and / or, nested) of eq, ne, in, not-in, null and not-null conditions, link-entity of type inner
/// (rows multiply, the linked attributes come back as <see cref="AliasedValue"/> named alias.column) or exists
/// (a row is kept when a linked row matches, and never multiplied), and aggregate queries: groupby (with
/// dategrouping year), count, countcolumn (distinct), min and max, every value an <see cref="AliasedValue"/>.
/// Anything else throws <see cref="NotSupportedException"/>, so a query the harness cannot answer faithfully
/// fails the test instead of answering wrongly.
/// </summary>
internal static class FetchEngine
{
    private static readonly HashSet<string> FetchAttributes = new(StringComparer.Ordinal) { "version", "output-format", "mapping", "distinct", "aggregate", "no-lock" };

    /// <summary>The table a FetchXML query reads, for counting the call; empty when it cannot be read.</summary>
    public static string EntityName(string? fetchXml)
    {
        try
        {
            return (string?)XElement.Parse(fetchXml ?? string.Empty).Element("entity")?.Attribute("name") ?? string.Empty;
        }
        catch (System.Xml.XmlException)
        {
            return string.Empty;
        }
    }

    public static EntityCollection Execute(EntityStore store, string? fetchXml)
    {
        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml ?? throw new NotSupportedException("The FetchExpression has no query."));
        }
        catch (System.Xml.XmlException ex)
        {
            throw new NotSupportedException("The FetchXML is not well-formed: " + ex.Message, ex);
        }

        if (fetch.Name.LocalName != "fetch")
        {
            throw new NotSupportedException("FetchXML must start with <fetch>.");
        }

        foreach (var attribute in fetch.Attributes())
        {
            if (!FetchAttributes.Contains(attribute.Name.LocalName))
            {
                throw new NotSupportedException($"<fetch {attribute.Name.LocalName}> is not supported by the in-memory organization (no top, count, page or paging-cookie).");
            }
        }

        var entities = fetch.Elements().ToList();
        if (entities.Count != 1 || entities[0].Name.LocalName != "entity")
        {
            throw new NotSupportedException("<fetch> must hold exactly one <entity>.");
        }

        var entity = entities[0];
        var name = Required(entity, "name");
        var aggregate = (string?)fetch.Attribute("aggregate") == "true";
        var links = entity.Elements("link-entity").Select(l => new Link(l)).ToList();
        foreach (var child in entity.Elements())
        {
            if (child.Name.LocalName is not ("attribute" or "filter" or "link-entity" or "order"))
            {
                throw new NotSupportedException($"<{child.Name.LocalName}> in <entity> is not supported (all-attributes is refused: name the columns).");
            }
        }

        var rows = new List<Joined>();
        foreach (var row in store.Rows(name).Where(r => Matches(r, entity.Elements("filter"))))
        {
            var joined = new List<Joined> { new(row, new Dictionary<string, Entity>(StringComparer.Ordinal)) };
            foreach (var link in links)
            {
                var matches = store.Rows(link.Name).Where(l => SameKey(l.Attributes.TryGetValue(link.From, out var a) ? a : null, row.Attributes.TryGetValue(link.To, out var b) ? b : null)
                    && Matches(l, link.Element.Elements("filter"))).ToList();
                joined = link.Exists
                    ? (matches.Count > 0 ? joined : new List<Joined>())
                    : joined.SelectMany(j => matches.Select(m => j.With(link.Alias, m))).ToList();
            }

            rows.AddRange(joined);
        }

        return aggregate ? Aggregate(name, entity, links, rows) : Plain(name, entity, links, rows);
    }

    private static EntityCollection Plain(string name, XElement entity, List<Link> links, List<Joined> rows)
    {
        if (entity.Elements("attribute").Any(a => a.Attribute("aggregate") is not null || a.Attribute("groupby") is not null))
        {
            throw new NotSupportedException("An attribute with aggregate or groupby needs <fetch aggregate=\"true\">.");
        }

        var columns = entity.Elements("attribute").Select(a => Required(a, "name")).ToList();
        var orders = entity.Elements("order").Select(o => (Attribute: Required(o, "attribute"), Descending: (string?)o.Attribute("descending") == "true")).ToList();
        var sorted = rows.ToList();
        sorted.Sort((x, y) =>
        {
            foreach (var (attribute, descending) in orders)
            {
                var result = AttributeValues.Compare(attribute, x.Row.Attributes.TryGetValue(attribute, out var a) ? a : null, y.Row.Attributes.TryGetValue(attribute, out var b) ? b : null);
                if (result != 0)
                {
                    return descending ? -result : result;
                }
            }

            return x.Row.Id.CompareTo(y.Row.Id);
        });

        var result = new EntityCollection { EntityName = name, MoreRecords = sorted.Count > QueryEngine.MaxPageSize };
        foreach (var joined in sorted.Take(QueryEngine.MaxPageSize))
        {
            var copy = AttributeValues.Copy(joined.Row, columns);
            copy.LogicalName = name;
            foreach (var link in links.Where(l => !l.Exists))
            {
                var linked = joined.Linked[link.Alias];
                foreach (var column in link.Element.Elements("attribute").Select(a => Required(a, "name")))
                {
                    if (linked.Attributes.TryGetValue(column, out var value) && value is not null)
                    {
                        copy[link.Alias + "." + column] = new AliasedValue(link.Name, column, AttributeValues.Copy(column, value)!);
                    }
                }
            }

            result.Entities.Add(copy);
        }

        return result;
    }

    private static EntityCollection Aggregate(string name, XElement entity, List<Link> links, List<Joined> rows)
    {
        if (links.Any(l => l.Element.Elements("attribute").Any()))
        {
            throw new NotSupportedException("The in-memory organization aggregates the columns of the main table only.");
        }

        var columns = entity.Elements("attribute").Select(a => new AggregateColumn(a)).ToList();
        var groups = columns.Where(c => c.GroupBy).ToList();
        var buckets = rows
            .GroupBy(r => string.Join("|", groups.Select(g => Key(g.KeyOf(r.Row)))), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        if (groups.Count == 0 && buckets.Count == 0)
        {
            buckets.Add(new List<Joined>());
        }

        var result = new EntityCollection { EntityName = name };
        foreach (var bucket in buckets)
        {
            var row = new Entity(name);
            foreach (var column in columns)
            {
                var value = column.Value(bucket);
                if (value is not null)
                {
                    row[column.Alias] = new AliasedValue(name, column.Attribute, value);
                }
            }

            result.Entities.Add(row);
        }

        return result;
    }

    private static bool Matches(Entity row, IEnumerable<XElement> filters) => filters.All(f => MatchesFilter(row, f));

    private static bool MatchesFilter(Entity row, XElement filter)
    {
        var or = ((string?)filter.Attribute("type") ?? "and") switch
        {
            "and" => false,
            "or" => true,
            var other => throw new NotSupportedException($"Filter type '{other}' is not supported."),
        };
        var results = filter.Elements().Select(child => child.Name.LocalName switch
        {
            "condition" => MatchesCondition(row, child),
            "filter" => MatchesFilter(row, child),
            var other => throw new NotSupportedException($"<{other}> in <filter> is not supported."),
        }).ToList();
        return results.Count == 0 || (or ? results.Any(r => r) : results.All(r => r));
    }

    private static bool MatchesCondition(Entity row, XElement condition)
    {
        if (condition.Attribute("entityname") is not null)
        {
            throw new NotSupportedException("Conditions on a linked table (entityname) are not supported; filter inside the link-entity.");
        }

        var column = Required(condition, "attribute");
        var op = Required(condition, "operator");
        var values = condition.Attribute("value") is { } single ? new List<string> { single.Value } : condition.Elements("value").Select(v => v.Value).ToList();
        row.Attributes.TryGetValue(column, out var stored);
        switch (op)
        {
            case "null" when values.Count == 0:
                return stored is null;
            case "not-null" when values.Count == 0:
                return stored is not null;
            case "eq" when values.Count == 1:
                return stored is not null && EqualsText(column, stored, values[0]);
            case "ne" when values.Count == 1:
                return stored is not null && !EqualsText(column, stored, values[0]);
            case "in" when values.Count > 0:
                return stored is not null && values.Any(v => EqualsText(column, stored, v));
            case "not-in" when values.Count > 0:
                return stored is not null && !values.Any(v => EqualsText(column, stored, v));
            default:
                throw new NotSupportedException($"Condition on '{column}' is not supported: operator {op} with {values.Count} value(s). Supported: eq, ne, in, not-in, null, not-null.");
        }
    }

    /// <summary>A stored value against a condition's text, read as the stored value's type.</summary>
    private static bool EqualsText(string column, object stored, string text)
    {
        var trimmed = text.Trim();
        return stored switch
        {
            OptionSetValue option => int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && option.Value == number,
            EntityReference reference => Guid.TryParse(trimmed, out var id) && reference.Id == id,
            Guid guid => Guid.TryParse(trimmed, out var id) && guid == id,
            int or long or decimal or double => decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                && Convert.ToDecimal(stored, CultureInfo.InvariantCulture) == number,
            bool flag => (trimmed is "1" or "true") == flag,
            string s => string.Equals(s, text, StringComparison.OrdinalIgnoreCase),
            DateTime time => DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var other) && time == other,
            _ => throw new NotSupportedException($"The in-memory organization cannot compare column '{column}' of type {stored.GetType().Name} in FetchXML."),
        };
    }

    /// <summary>Join keys: a lookup and a primary key match by id.</summary>
    private static bool SameKey(object? a, object? b)
    {
        static object? Normal(object? value) => value switch
        {
            EntityReference reference => reference.Id,
            OptionSetValue option => option.Value,
            _ => value,
        };

        var x = Normal(a);
        return x is not null && x.Equals(Normal(b));
    }

    private static string Key(object? value) => value switch
    {
        null => "\0",
        OptionSetValue option => "o" + option.Value.ToString(CultureInfo.InvariantCulture),
        EntityReference reference => "r" + reference.Id.ToString("N"),
        IFormattable formattable => "v" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "s" + value,
    };

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { Length: > 0 } value
            ? value
            : throw new NotSupportedException($"<{element.Name.LocalName}> needs its {attribute} attribute.");

    /// <summary>A main-table row with the rows of its inner links, by alias.</summary>
    private sealed record Joined(Entity Row, Dictionary<string, Entity> Linked)
    {
        public Joined With(string alias, Entity linked) =>
            new(Row, new Dictionary<string, Entity>(Linked, StringComparer.Ordinal) { [alias] = linked });
    }

    private sealed class Link
    {
        public Link(XElement element)
        {
            Element = element;
            Name = Required(element, "name");
            From = Required(element, "from");
            To = Required(element, "to");
            Alias = (string?)element.Attribute("alias") ?? Name;
            Exists = ((string?)element.Attribute("link-type") ?? "inner") switch
            {
                "inner" => false,
                "exists" => true,
                var other => throw new NotSupportedException($"link-type '{other}' is not supported (inner and exists are)."),
            };
            if (element.Elements("link-entity").Any() || element.Elements("order").Any())
            {
                throw new NotSupportedException("Nested link-entity and orders on a link-entity are not supported.");
            }

            if (Exists && element.Elements("attribute").Any())
            {
                throw new NotSupportedException("A link-entity of type exists returns no columns.");
            }
        }

        public XElement Element { get; }

        public string Name { get; }

        public string From { get; }

        public string To { get; }

        public string Alias { get; }

        public bool Exists { get; }
    }

    private sealed class AggregateColumn
    {
        public AggregateColumn(XElement element)
        {
            Attribute = Required(element, "name");
            Alias = Required(element, "alias");
            GroupBy = (string?)element.Attribute("groupby") == "true";
            Function = (string?)element.Attribute("aggregate");
            Distinct = (string?)element.Attribute("distinct") == "true";
            DateGrouping = (string?)element.Attribute("dategrouping");
            if (GroupBy == (Function is not null))
            {
                throw new NotSupportedException($"Attribute '{Attribute}' of an aggregate query needs either groupby=\"true\" or an aggregate.");
            }

            if (Function is not null and not ("count" or "countcolumn" or "min" or "max"))
            {
                throw new NotSupportedException($"Aggregate '{Function}' is not supported (count, countcolumn, min, max are).");
            }

            if (Distinct && Function != "countcolumn")
            {
                throw new NotSupportedException("distinct applies to countcolumn only.");
            }

            if (DateGrouping is not null and not "year")
            {
                throw new NotSupportedException($"dategrouping '{DateGrouping}' is not supported (year is).");
            }
        }

        public string Attribute { get; }

        public string Alias { get; }

        public bool GroupBy { get; }

        public string? Function { get; }

        public bool Distinct { get; }

        public string? DateGrouping { get; }

        public object? KeyOf(Entity row)
        {
            row.Attributes.TryGetValue(Attribute, out var value);
            if (DateGrouping is null)
            {
                if (value is DateTime)
                {
                    throw new NotSupportedException($"Grouping by the date '{Attribute}' needs dategrouping.");
                }

                return value;
            }

            return value switch
            {
                null => null,
                DateTime time => time.Year,
                _ => throw new NotSupportedException($"dategrouping on '{Attribute}', which is not a date."),
            };
        }

        public object? Value(List<Joined> rows)
        {
            if (GroupBy)
            {
                return rows.Count == 0 ? null : AttributeValues.Copy(Attribute, KeyOf(rows[0].Row));
            }

            var values = rows.Select(r => r.Row.Attributes.TryGetValue(Attribute, out var v) ? v : null).Where(v => v is not null).Select(v => v!).ToList();
            return Function switch
            {
                "count" => rows.Count,
                "countcolumn" => Distinct ? values.Select(Key).Distinct(StringComparer.Ordinal).Count() : values.Count,
                "max" => values.Count == 0 ? null : AttributeValues.Copy(Attribute, values.Aggregate((a, b) => AttributeValues.Compare(Attribute, a, b) >= 0 ? a : b)),
                _ => values.Count == 0 ? null : AttributeValues.Copy(Attribute, values.Aggregate((a, b) => AttributeValues.Compare(Attribute, a, b) <= 0 ? a : b)),
            };
        }
    }
}
