using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>The manifest of <c>Other/Solution.xml</c>.</summary>
/// <param name="Managed">0 unmanaged, 1 managed, 2 both (an unpacked folder that packs either).</param>
public sealed record SolutionManifest(
    string UniqueName,
    string DisplayName,
    string Version,
    int Managed,
    string PublisherUniqueName,
    string PublisherDisplayName,
    string CustomizationPrefix,
    int CustomizationOptionValuePrefix,
    IReadOnlyList<RootComponent> RootComponents);

/// <summary>A root component. Tables, choices, relationships, apps and site maps are named;
/// forms, views, charts, roles and steps have an id; the plug-in assembly has both.</summary>
/// <param name="Behavior">0 include subcomponents, 1 do not include subcomponents, 2 shell only.</param>
public sealed record RootComponent(int Type, string? SchemaName, Guid? Id, int Behavior);

/// <summary>
/// Solution component type codes (solutioncomponent.componenttype). A Custom API has none: it is not in the
/// componenttype choice, and the code an export shows is the customapi table's object type code in the
/// exporting environment, which differs between environments. A Custom API travels as its customapis/ folder
/// (Microsoft Learn, "Create a custom API with solution files", adds no root component).
/// </summary>
public static class ComponentType
{
    public const int Entity = 1;
    public const int Attribute = 2;
    public const int OptionSet = 9;
    public const int EntityRelationship = 10;
    public const int Role = 20;
    public const int SavedQuery = 26;
    public const int SavedQueryVisualization = 59;
    public const int SystemForm = 60;
    public const int WebResource = 61;
    public const int SiteMap = 62;
    public const int AppModule = 80;
    public const int PluginType = 90;
    public const int PluginAssembly = 91;
    public const int SdkMessageProcessingStep = 92;
}
