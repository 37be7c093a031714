using System;
using System.Collections.Generic;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>A system view of <c>Entities/&lt;e&gt;/SavedQueries/{id}.xml</c>.</summary>
/// <param name="Fetch">The <c>&lt;fetch&gt;</c> element (Fetch.xsd).</param>
/// <param name="LayoutColumns">The grid cells in display order.</param>
/// <param name="Conditions">Every condition of the query, at any filter depth.</param>
public sealed record ViewDefinition(
    Guid Id,
    string EntityLogicalName,
    string Name,
    string Description,
    int QueryType,
    XElement Fetch,
    IReadOnlyList<string> FetchAttributes,
    IReadOnlyList<string> LayoutColumns,
    IReadOnlyList<ViewCondition> Conditions,
    IReadOnlyList<ViewOrder> Orders);

/// <summary>A FetchXML condition. <see cref="Values"/> holds the value attribute or the value elements.</summary>
/// <param name="FilterType">The type (and/or) of the filter that holds the condition.</param>
/// <param name="Depth">1 for the entity's top-level filter, 2 for a filter inside it, and so on.</param>
public sealed record ViewCondition(string Attribute, string Operator, IReadOnlyList<string> Values, string FilterType, int Depth);

/// <summary>A sort of the view's query, in order of application.</summary>
public sealed record ViewOrder(string Attribute, bool Descending);
