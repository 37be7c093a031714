using System;
using System.Collections.Generic;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>A system chart of <c>Entities/&lt;e&gt;/Visualizations/{id}.xml</c>.</summary>
/// <param name="DataDefinition">The <c>&lt;datadefinition&gt;</c> element (VisualizationDataDescription.xsd).</param>
/// <param name="Fetches">The <c>&lt;fetch&gt;</c> elements of its fetch collection.</param>
/// <param name="Attributes">Every attribute the chart's queries name.</param>
public sealed record ChartDefinition(
    Guid Id,
    string EntityLogicalName,
    string Name,
    XElement DataDefinition,
    IReadOnlyList<XElement> Fetches,
    IReadOnlyList<string> Attributes,
    IReadOnlyList<string> GroupByAttributes,
    XElement? PresentationDescription);
