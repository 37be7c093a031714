using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The children of <c>ImportExportXml</c> in customizations.xml, in the order Microsoft's
/// CustomizationsSolution.xsd (9.0.0.2090) declares its sequence. Recorded here as facts so that the
/// packer orders the sections the same way whether or not the XSDs are on the machine; when they are,
/// a solution test checks this list against the schema's sequence.
/// </summary>
public static class CustomizationsSections
{
    /// <summary>The sections, in schema order.</summary>
    public static IReadOnlyList<string> Order { get; } = new[]
    {
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig",
        "RelationshipRoles", "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings",
        "optionsets", "Reports", "RoutingRules", "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas",
        "ChannelAccessProfiles", "ChannelAccessProfileRules", "Dashboards", "InteractionCentricDashboards", "Dialogs",
        "WebResources", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "ServiceEndpoints",
        "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources", "Languages",
        "GlobalSearchConfigurations", "StoredProcedures",
    };
}
