using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The constructs that solutions Dataverse exports today carry and that Microsoft's 2018 XSDs (9.0.0.2090) do
/// not declare, each with where it was seen. Before XML is validated, <see cref="Accept"/> takes exactly these
/// out of it (or, for a position, puts the element where the XSD sequence wants it), so that the XSDs still
/// check everything else and any construct not named here, or named but in another place, is still refused.
/// The packer reports each one it met among the known schema differences; README.md lists them all.
/// </summary>
public static class NewerSchemaConstructs
{
    private const string Apollo = "meandtech2001/Apollo-HealthCare-Management-D365-CRM- (Dataverse 9.2.26034, 2026)";
    private const string Kits = "microsoft/powercat-automation-kit, microsoft/powercat-creator-kit";

    /// <summary>Every accepted construct.</summary>
    public static IReadOnlyList<NewerSchemaConstruct> All { get; } = new[]
    {
        Position("SdkMessageProcessingStep", "SdkMessageId", "Rank",
            $"every step file of {Apollo}, devkeydet/explicitpluginimpersonation (2024), mikefactorial/PluginSample (2023), tc-ca/ROM-GSR (2020) "
            + "and microsoft/powercat-automation-kit: SdkMessageId is the first child"),
        Element("AppModule", "OptimizedFor", $"every AppModule.xml of {Apollo}, {Kits} and devkeydet/explicitpluginimpersonation (8 apps)"),
        Element("AppModule", "statecode", "the same 8 apps, always 0"),
        Element("AppModule", "statuscode", "the same 8 apps, always 1"),
        Element("AppModule", "NavigationType", "the same 8 apps, always 0"),
        Element("AppModule", "appelements", $"the 7 apps of {Apollo} and {Kits} that have custom pages"),
        Element("AppModule", "appsettings", $"{Apollo} and devkeydet/explicitpluginimpersonation (AppChannel)"),
        Element("AppModuleSiteMap", "EnableCollapsibleGroups", $"every AppModuleSiteMap.xml of {Apollo}, {Kits} and devkeydet (8 site maps)"),
        Element("AppModuleSiteMap", "ShowHome", "the same 8 site maps"),
        Element("AppModuleSiteMap", "ShowPinned", "the same 8 site maps"),
        Element("AppModuleSiteMap", "ShowRecents", "the same 8 site maps"),
        Element("attribute", "AutoNumberFormat",
            $"all 544 custom columns of Entities/*/Entity.xml in {Apollo}, {Kits}, microsoft/Power-CAT-Copilot-Studio-Kit and devkeydet"),
        Element("attribute", "IsSearchable", "the same 544 columns"),
        Element("attribute", "IsFilterable", "the same 544 columns"),
        Element("attribute", "IsRetrievable", "the same 544 columns"),
        Element("attribute", "IsLocalizable", "the same 544 columns"),
        Element("EntityRelationship", "CascadeArchive",
            $"all 465 one-to-many relationships of Other/Relationships/*.xml in {Apollo}, microsoft/powercat-automation-kit, "
            + "microsoft/Power-CAT-Copilot-Studio-Kit and devkeydet"),
        Element("Role", "IsAutoAssigned", $"the 5 roles of {Apollo}"),
        new NewerSchemaConstruct(NewerSchemaConstructKind.Attribute, "fetch", SolutionSchemas.UseRawOrderBy,
            "Microsoft Learn, \"Order rows using FetchXml\": sorts a choice column by its value; the 2018 Fetch.xsd predates it"),
    };

    /// <summary>Takes every construct of <see cref="All"/> out of <paramref name="root"/> and its descendants, in place.</summary>
    /// <returns>The constructs that were found, each once, in the order of <see cref="All"/>.</returns>
    public static IReadOnlyList<NewerSchemaConstruct> Accept(XElement root)
    {
        if (root is null)
        {
            throw new ArgumentNullException(nameof(root));
        }

        return All.Where(c => c.ApplyTo(root)).ToList();
    }

    private static NewerSchemaConstruct Element(string parent, string name, string seenIn) =>
        new(NewerSchemaConstructKind.Element, parent, name, seenIn);

    private static NewerSchemaConstruct Position(string parent, string name, string xsdAfter, string seenIn) =>
        new(NewerSchemaConstructKind.Position, parent, name, seenIn, xsdAfter);
}

/// <summary>How a newer construct departs from the 2018 XSDs.</summary>
public enum NewerSchemaConstructKind
{
    /// <summary>A child element the XSD does not declare.</summary>
    Element,

    /// <summary>An attribute the XSD does not declare.</summary>
    Attribute,

    /// <summary>A declared child that exports write in another place of the sequence.</summary>
    Position,
}

/// <summary>One construct of <see cref="NewerSchemaConstructs.All"/>.</summary>
/// <param name="Parent">The element that carries it.</param>
/// <param name="Name">The element or attribute.</param>
/// <param name="SeenIn">The public exports (or the Microsoft Learn page) where it was seen.</param>
/// <param name="XsdAfter">For a position: the sibling after which the XSD sequence places <paramref name="Name"/>.</param>
public sealed record NewerSchemaConstruct(NewerSchemaConstructKind Kind, string Parent, string Name, string SeenIn, string? XsdAfter = null)
{
    /// <summary>The construct in a few words, as the pack summary and README.md name it.</summary>
    public string Description => Kind switch
    {
        NewerSchemaConstructKind.Attribute => $"{Name} on <{Parent}>",
        NewerSchemaConstructKind.Position => $"<{Name}> first in <{Parent}> (the XSD puts it after <{XsdAfter}>)",
        _ => $"<{Name}> in <{Parent}>",
    };

    internal bool ApplyTo(XElement root)
    {
        var parents = root.DescendantsAndSelf(Parent).ToList();
        switch (Kind)
        {
            case NewerSchemaConstructKind.Attribute:
                var attributes = parents.Attributes(Name).ToList();
                attributes.ForEach(a => a.Remove());
                return attributes.Count > 0;
            case NewerSchemaConstructKind.Position:
                var moved = false;
                foreach (var parent in parents)
                {
                    var element = parent.Element(Name);
                    var after = parent.Element(XsdAfter!);
                    if (element is not null && after is not null && element.ElementsAfterSelf().Contains(after))
                    {
                        element.Remove();
                        after.AddAfterSelf(element);
                        moved = true;
                    }
                }

                return moved;
            default:
                var elements = parents.Elements(Name).ToList();
                elements.ForEach(e => e.Remove());
                return elements.Count > 0;
        }
    }
}
