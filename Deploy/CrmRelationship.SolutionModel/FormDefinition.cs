using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>A system form of <c>Entities/&lt;e&gt;/FormXml/&lt;type&gt;/{id}.xml</c>.</summary>
/// <param name="FormType">The type folder: main, quick, quickCreate, card…</param>
/// <param name="FormXml">The <c>&lt;form&gt;</c> element (FormXml.xsd).</param>
public sealed record FormDefinition(
    Guid Id,
    string EntityLogicalName,
    string FormType,
    string Name,
    IReadOnlyList<FormTab> Tabs,
    IReadOnlyList<FormControl> HeaderControls,
    XElement FormXml)
{
    public IEnumerable<FormControl> AllControls() =>
        HeaderControls.Concat(Tabs.SelectMany(t => t.Sections).SelectMany(s => s.Controls));

    public FormTab? Tab(string label) =>
        Tabs.FirstOrDefault(t => string.Equals(t.Label, label, StringComparison.Ordinal));

    public FormSection? Section(string name) =>
        Tabs.SelectMany(t => t.Sections).FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
}

/// <summary>A tab: its name, label and sections in order.</summary>
public sealed record FormTab(Guid Id, string Name, string Label, IReadOnlyList<FormSection> Sections);

/// <summary>A section: its name, label and the controls of its cells in order.</summary>
public sealed record FormSection(Guid Id, string Name, string Label, IReadOnlyList<FormControl> Controls);

/// <summary>A control in a cell. <see cref="DataFieldName"/> is null for unbound controls.</summary>
public sealed record FormControl(string Id, string? DataFieldName, string ClassId, bool Disabled);
