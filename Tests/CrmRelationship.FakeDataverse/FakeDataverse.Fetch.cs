using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.FakeDataverse;

/// <summary>
/// <c>GET activitypointers?fetchXml=…</c>: the aggregate subset recalc's recount sends, and nothing more. One
/// <c>entity</c> activitypointer with group-by attributes (<c>activitytypecode</c>, <c>actualend</c> with
/// <c>dategrouping="year"</c>), aggregates (<c>countcolumn</c> with <c>distinct</c> of <c>activityid</c>, <c>max</c> of a
/// date), a filter of <c>eq</c> / <c>in</c> conditions, and one inner <c>link-entity</c> to activityparty on activityid
/// with a group-by of <c>partyid</c> and its own filter. Answered as SQL would: one joined row per party row, grouped,
/// a null year its own group. Past <see cref="AggregateLimit"/> joined rows, 400 0x8004E023; past
/// <see cref="MaxPageSize"/> groups, the first page with <c>@Microsoft.Dynamics.CRM.morerecords</c>; past 500
/// conditions, 400 0x8004430C. Anything else is refused with 400.
/// </summary>
public sealed partial class FakeDataverse
{
    public const string AggregateLimitCode = "0x8004E023";
    public const string TooManyConditionsCode = "0x8004430C";
    private const string FetchCode = "0x80041103";

    /// <summary>Joined rows an aggregate may read (Dataverse: 50,000).</summary>
    public int AggregateLimit { get; set; } = 50000;

    /// <summary>The aggregate queries answered (for tests that count them).</summary>
    public int AggregateQueries => aggregateQueries;

    private int aggregateQueries;

    private Answer FetchAggregate(string fetchXml)
    {
        System.Threading.Interlocked.Increment(ref aggregateQueries);
        var query = FetchQuery.Parse(fetchXml);
        var joined = new List<(Dictionary<string, object?> Activity, Guid ActivityId, FakeParty Party)>();
        lock (Activities.Gate)
        {
            foreach (var record in Activities.Ordered())
            {
                if (!query.Filter.All(c => c.Matches(record.Value.GetValueOrDefault(c.Column))))
                {
                    continue;
                }

                foreach (var party in ActivityParties.GetValueOrDefault(record.Key) ?? new List<FakeParty>())
                {
                    var partyRow = new Dictionary<string, object?>
                    {
                        [Names.Activities.PartyId] = party.PartyId.ToString("D"),
                        [Names.Activities.ParticipationTypeMask] = party.Mask,
                        [Names.Activities.ActivityId] = record.Key.ToString("D"),
                    };
                    if (query.LinkFilter.All(c => c.Matches(partyRow.GetValueOrDefault(c.Column))))
                    {
                        joined.Add((record.Value, record.Key, party));
                    }
                }
            }
        }

        if (joined.Count > AggregateLimit)
        {
            return Error(400, AggregateLimitCode, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.", null);
        }

        object? ValueOf(FetchAttribute attribute, (Dictionary<string, object?> Activity, Guid ActivityId, FakeParty Party) row) =>
            attribute.OnParty ? (object?)row.Party.PartyId.ToString("D")
            : attribute.Name == Names.Activities.ActivityId ? row.ActivityId.ToString("D")
            : row.Activity.GetValueOrDefault(attribute.Name);

        object? GroupValue(FetchAttribute attribute, (Dictionary<string, object?> Activity, Guid ActivityId, FakeParty Party) row)
        {
            var value = ValueOf(attribute, row);
            return attribute.YearGrouping && value is string time ? DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal).Year : value;
        }

        var groups = joined.GroupBy(row => string.Join("|", query.GroupBy.Select(g => GroupValue(g, row)?.ToString() ?? "\0")), StringComparer.Ordinal).ToList();
        var values = new JsonArray();
        foreach (var group in groups.Take(MaxPageSize))
        {
            var json = new JsonObject();
            var first = group.First();
            foreach (var attribute in query.GroupBy)
            {
                json[attribute.Alias] = GroupValue(attribute, first) switch
                {
                    null => null,
                    int year => year,
                    string text => text,
                    var other => other.ToString(),
                };
            }

            foreach (var attribute in query.Aggregates)
            {
                var column = group.Select(row => ValueOf(attribute, row)).Where(v => v is not null).ToList();
                json[attribute.Alias] = attribute.Aggregate switch
                {
                    "countcolumn" => column.Select(v => v!.ToString()).Distinct(StringComparer.Ordinal).Count(),
                    _ => column.Count == 0 ? null : column.Select(v => v!.ToString()!).Max(StringComparer.Ordinal),
                };
            }

            values.Add(json);
        }

        var answer = new JsonObject { ["@odata.context"] = Url + Root.TrimStart('/') + "$metadata#activitypointers", ["value"] = values };
        if (groups.Count > MaxPageSize)
        {
            answer["@Microsoft.Dynamics.CRM.morerecords"] = true;
        }

        return new Answer(200, answer.ToJsonString());
    }

    /// <summary>One attribute element of the query: a group-by (with or without year grouping) or an aggregate.</summary>
    private sealed record FetchAttribute(string Name, string Alias, bool OnParty, bool YearGrouping, string? Aggregate);

    /// <summary>An eq or in condition on one column.</summary>
    private sealed record FetchCondition(string Column, IReadOnlyList<string> Values)
    {
        public bool Matches(object? value) => value is not null && Values.Contains(Convert.ToString(value, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The parsed subset; every element or attribute outside it is refused.</summary>
    private sealed class FetchQuery
    {
        private static readonly string[] ActivityColumns =
            { Names.Activities.ActivityId, Names.Activities.ActivityTypeCode, Names.Activities.StateCode, Names.Activities.ActualEnd, Names.Activities.ModifiedOn };

        public List<FetchAttribute> GroupBy { get; } = new();

        public List<FetchAttribute> Aggregates { get; } = new();

        public List<FetchCondition> Filter { get; } = new();

        public List<FetchCondition> LinkFilter { get; } = new();

        public static FetchQuery Parse(string text)
        {
            XElement fetch;
            try
            {
                fetch = XElement.Parse(text);
            }
            catch (XmlException ex)
            {
                throw new FakeQueryException(FetchCode, "The fetchXml is not well-formed: " + ex.Message);
            }

            var query = new FetchQuery();
            Only(fetch, "fetch", "aggregate");
            if ((string?)fetch.Attribute("aggregate") != "true")
            {
                throw Refused("the fake answers aggregate fetchXml only (aggregate='true').");
            }

            var entity = fetch.Elements().SingleOrDefault();
            if (entity is null || entity.Name.LocalName != "entity" || (string?)entity.Attribute("name") != Names.Activities.ActivityPointer || fetch.Elements().Count() != 1)
            {
                throw Refused("one entity element, activitypointer, is expected.");
            }

            Only(entity, "entity", "name");
            var conditions = 0;
            foreach (var element in entity.Elements())
            {
                switch (element.Name.LocalName)
                {
                    case "attribute":
                        query.Add(element, onParty: false);
                        break;
                    case "filter":
                        conditions += Conditions(element, query.Filter, ActivityColumns);
                        break;
                    case "link-entity":
                        conditions += query.Link(element);
                        break;
                    default:
                        throw Refused("the element " + element.Name.LocalName + " is not supported.");
                }
            }

            if (conditions > 500)
            {
                throw new FakeQueryException(TooManyConditionsCode, "Number of conditions in query exceeded maximum limit.");
            }

            if (query.Aggregates.Count == 0)
            {
                throw Refused("an aggregate query needs an aggregate attribute.");
            }

            return query;
        }

        private int Link(XElement link)
        {
            Only(link, "link-entity", "name", "from", "to", "link-type", "alias");
            if ((string?)link.Attribute("name") != Names.Activities.ActivityParty || (string?)link.Attribute("from") != Names.Activities.ActivityId
                || (string?)link.Attribute("to") != Names.Activities.ActivityId || (string?)link.Attribute("link-type") != "inner")
            {
                throw Refused("only an inner link-entity to activityparty from activityid to activityid is supported.");
            }

            var conditions = 0;
            foreach (var element in link.Elements())
            {
                switch (element.Name.LocalName)
                {
                    case "attribute":
                        Add(element, onParty: true);
                        break;
                    case "filter":
                        conditions += Conditions(element, LinkFilter, new[] { Names.Activities.PartyId, Names.Activities.ParticipationTypeMask, Names.Activities.ActivityId });
                        break;
                    default:
                        throw Refused("the element " + element.Name.LocalName + " is not supported in a link-entity.");
                }
            }

            return conditions;
        }

        private void Add(XElement attribute, bool onParty)
        {
            Only(attribute, "attribute", "name", "alias", "groupby", "dategrouping", "aggregate", "distinct");
            var name = (string?)attribute.Attribute("name") ?? throw Refused("an attribute has no name.");
            var alias = (string?)attribute.Attribute("alias") ?? throw Refused("the attribute " + name + " has no alias; an aggregate query needs one on each.");
            var dategrouping = (string?)attribute.Attribute("dategrouping");
            var aggregate = (string?)attribute.Attribute("aggregate");
            if (onParty ? name != Names.Activities.PartyId : !ActivityColumns.Contains(name))
            {
                throw new FakeQueryException(
                    "0x80041103", "'" + (onParty ? Names.Activities.ActivityParty : Names.Activities.ActivityPointer) + "' entity doesn't contain attribute with Name = '" + name + "'.");
            }

            if ((string?)attribute.Attribute("groupby") == "true" && aggregate is null)
            {
                if (dategrouping is not (null or "year") || (dategrouping is not null && onParty))
                {
                    throw Refused("dategrouping='" + dategrouping + "' is not supported.");
                }

                GroupBy.Add(new FetchAttribute(name, alias, onParty, dategrouping == "year", null));
                return;
            }

            var distinct = (string?)attribute.Attribute("distinct") == "true";
            if (!((aggregate == "countcolumn" && distinct && name == Names.Activities.ActivityId) || (aggregate == "max" && !distinct && !onParty)) || dategrouping is not null)
            {
                throw Refused("the aggregate '" + aggregate + "' of " + name + " is not supported.");
            }

            Aggregates.Add(new FetchAttribute(name, alias, onParty, false, aggregate));
        }

        private static int Conditions(XElement filter, List<FetchCondition> into, IReadOnlyCollection<string> columns)
        {
            Only(filter, "filter", "type");
            if ((string?)filter.Attribute("type") is not (null or "and"))
            {
                throw Refused("only filters of type 'and' are supported.");
            }

            var count = 0;
            foreach (var condition in filter.Elements())
            {
                if (condition.Name.LocalName != "condition")
                {
                    throw Refused("a filter holds conditions only.");
                }

                Only(condition, "condition", "attribute", "operator", "value");
                var column = (string?)condition.Attribute("attribute") ?? throw Refused("a condition has no attribute.");
                if (!columns.Contains(column))
                {
                    throw Refused("a condition on " + column + " is not supported.");
                }

                var values = (string?)condition.Attribute("operator") switch
                {
                    "eq" when condition.Attribute("value") is { } value && !condition.HasElements => new List<string> { value.Value },
                    "in" when condition.Attribute("value") is null && condition.Elements().All(e => e.Name.LocalName == "value" && !e.HasAttributes)
                        && condition.Elements().Any() => condition.Elements().Select(e => e.Value).ToList(),
                    _ => throw Refused("the condition on " + column + " is not supported (eq with a value, or in with value elements)."),
                };
                count += values.Count;
                into.Add(new FetchCondition(column, values));
            }

            return count;
        }

        private static void Only(XElement element, string name, params string[] attributes)
        {
            if (element.Name.LocalName != name || !element.Name.NamespaceName.Equals(string.Empty, StringComparison.Ordinal))
            {
                throw Refused("the element " + element.Name + " is not supported.");
            }

            foreach (var attribute in element.Attributes())
            {
                if (!attributes.Contains(attribute.Name.LocalName))
                {
                    throw Refused("the attribute " + attribute.Name.LocalName + " of " + name + " is not supported.");
                }
            }
        }

        private static FakeQueryException Refused(string why) => new(FetchCode, "The fake Dataverse cannot answer this fetchXml: " + why);
    }
}
