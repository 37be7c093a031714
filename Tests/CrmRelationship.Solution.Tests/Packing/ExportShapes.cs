using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// The shape of each kind of component that the zips carry, as real exports write it (issue 12). Read from
/// these public exports, unpacked by SolutionPackager or pac: meandtech2001/Apollo-HealthCare-Management-D365-CRM-
/// (Dataverse 9.2.26034, 2026; "Apollo"), microsoft/powercat-automation-kit (2023-2025), microsoft/powercat-creator-kit
/// (2024), microsoft/Power-CAT-Copilot-Studio-Kit (2025), devkeydet/explicitpluginimpersonation (2024),
/// mikefactorial/PluginSample (2023), tc-ca/ROM-GSR (2020) and GDFujitsu/GD (2019).
/// </summary>
internal static class ExportShapes
{
    private const string Apollo = "meandtech2001/Apollo-HealthCare-Management-D365-CRM-";
    private const string AutomationKit = "microsoft/powercat-automation-kit";
    private const string CreatorKit = "microsoft/powercat-creator-kit";
    private const string CopilotKit = "microsoft/Power-CAT-Copilot-Studio-Kit";

    public static ExportShape Step { get; } = new(
        "SdkMessageProcessingStep",
        [
            "SdkMessageId", "PluginTypeName", "PluginTypeId", "PrimaryEntity", "AsyncAutoDelete", "Configuration", "Description",
            "FilteringAttributes", "InvocationSource", "Mode", "Rank", "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden",
            "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages",
        ],
        [
            "SdkMessageId", "PluginTypeName", "PluginTypeId", "PrimaryEntity", "AsyncAutoDelete", "FilteringAttributes", "InvocationSource",
            "Mode", "Rank", "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion",
            "SdkMessageProcessingStepImages",
        ],
        $"{Apollo} SdkMessageProcessingSteps/{{76e55b17-…}}.xml (2026, no Description); devkeydet/explicitpluginimpersonation "
        + "src/SdkMessageProcessingSteps/{8739256a-…}.xml (2024); mikefactorial/PluginSample src/SdkMessageProcessingSteps/{a5191a6b-…}.xml "
        + "(2023); tc-ca/ROM-GSR Oversight_Base/SdkMessageProcessingSteps/{04d81363-…}.xml and {b35a8dca-…}.xml (2020, the first the only one with a "
        + $"Configuration); a step of a plug-in package ({AutomationKit}) names its type by PluginTypeExportKey instead, which does not apply to an assembly",
        zip => Customizations(zip).Elements("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep"));

    public static ExportShape StepImage { get; } = new(
        "SdkMessageProcessingStepImage",
        ["SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName", "IsCustomizable"],
        ["SdkMessageProcessingStepImageId", "Attributes", "EntityAlias", "ImageType", "MessagePropertyName", "IsCustomizable"],
        "mikefactorial/PluginSample src/SdkMessageProcessingSteps/{a5191a6b-…}.xml (2023)",
        zip => Customizations(zip).Elements("SdkMessageProcessingSteps").Descendants("SdkMessageProcessingStepImage"));

    public static ExportShape App { get; } = new(
        "AppModule",
        [
            "UniqueName", "IntroducedVersion", "WebResourceId", "OptimizedFor", "statecode", "statuscode", "FormFactor", "ClientType",
            "NavigationType", "AppModuleComponents", "AppModuleRoleMaps", "LocalizedNames", "Descriptions", "appelements", "appsettings",
        ],
        [
            "UniqueName", "IntroducedVersion", "WebResourceId", "OptimizedFor", "statecode", "statuscode", "FormFactor", "ClientType",
            "NavigationType", "AppModuleComponents", "AppModuleRoleMaps", "LocalizedNames",
        ],
        $"{Apollo} AppModules/apollo_ApolloManagement/AppModule.xml (2026); {AutomationKit} AppModules of AutomationCoEMain, "
        + $"AutomationKitControlCenter (2), AutomationKitScheduler; {CreatorKit} CreatorKitReferencesMDA AppModules (2); "
        + "devkeydet/explicitpluginimpersonation src/AppModules/dkdt_PluginImpersonationTestApp/AppModule.xml (2024, no custom page and no appelements)",
        zip => Customizations(zip).Elements("AppModules").Elements("AppModule"));

    public static ExportShape SiteMap { get; } = new(
        "AppModuleSiteMap",
        ["SiteMapUniqueName", "EnableCollapsibleGroups", "ShowHome", "ShowPinned", "ShowRecents", "SiteMap", "LocalizedNames"],
        ["SiteMapUniqueName", "EnableCollapsibleGroups", "ShowHome", "ShowPinned", "ShowRecents", "SiteMap", "LocalizedNames"],
        $"{Apollo} AppModuleSiteMaps/apollo_ApolloManagement; {AutomationKit} (4 site maps); {CreatorKit} (2); "
        + "devkeydet/explicitpluginimpersonation src/AppModuleSiteMaps/dkdt_PluginImpersonationTestApp",
        zip => Customizations(zip).Elements("AppModuleSiteMaps").Elements("AppModuleSiteMap"));

    public static ExportShape Column { get; } = new(
        "attribute",
        [
            "Type", "Name", "LogicalName", "RequiredLevel", "DisplayMask", "ImeMode", "ValidForUpdateApi", "ValidForReadApi",
            "ValidForCreateApi", "IsCustomField", "IsAuditEnabled", "IsLogical", "IsSecured", "IntroducedVersion", "IsCustomizable",
            "IsRenameable", "CanModifySearchSettings", "CanModifyRequirementLevelSettings", "CanModifyAdditionalSettings", "SourceType",
            "IsGlobalFilterEnabled", "IsSortableEnabled", "CanModifyGlobalFilterSettings", "CanModifyIsSortableSettings", "ExternalName",
            "IsDataSourceSecret", "AutoNumberFormat", "IsSearchable", "IsFilterable", "IsRetrievable", "IsLocalizable",
            "Format", "CanChangeDateTimeBehavior", "Behavior", "MaxLength", "Length", "MinValue", "MaxValue", "Accuracy", "AccuracySource",
            "CalculationOf", "AppDefaultValue", "OptionSetName", "optionset", "LookupStyle", "LookupTypes", "displaynames", "Descriptions",
            "FormulaDefinitionFileName",
        ],
        [
            "Type", "Name", "LogicalName", "RequiredLevel", "DisplayMask", "ValidForUpdateApi", "ValidForReadApi", "ValidForCreateApi",
            "IsCustomField", "IsAuditEnabled", "IsSecured", "IntroducedVersion", "IsCustomizable", "IsRenameable", "CanModifySearchSettings",
            "CanModifyRequirementLevelSettings", "CanModifyAdditionalSettings", "SourceType", "IsGlobalFilterEnabled", "IsSortableEnabled",
            "CanModifyGlobalFilterSettings", "CanModifyIsSortableSettings", "IsDataSourceSecret", "AutoNumberFormat", "IsSearchable",
            "IsFilterable", "IsRetrievable", "IsLocalizable", "displaynames",
        ],
        $"544 custom columns of Entities/*/Entity.xml in {Apollo} (2026), {AutomationKit}, {CopilotKit}, {CreatorKit} and devkeydet: every one "
        + "has AutoNumberFormat, IsSearchable, IsFilterable, IsRetrievable, IsLocalizable after IsDataSourceSecret",
        zip => Customizations(zip).Elements("Entities").Elements("Entity").Elements("EntityInfo").Elements("entity")
            .Elements("attributes").Elements("attribute"));

    public static ExportShape Role { get; } = new(
        "Role",
        ["IsCustomizable", "IsAutoAssigned", "RolePrivileges"],
        ["IsCustomizable", "RolePrivileges"],
        $"{Apollo} Roles/*.xml (5 roles, 2026, with IsAutoAssigned); {AutomationKit} Roles/*.xml (8 roles, without); none has IntroducedVersion",
        zip => Customizations(zip).Elements("Roles").Elements("Role"));

    public static ExportShape Relationship { get; } = new(
        "EntityRelationship",
        [
            "EntityRelationshipType", "IsCustomizable", "IntroducedVersion", "IsHierarchical", "ReferencingEntityName", "ReferencedEntityName",
            "CascadeAssign", "CascadeDelete", "CascadeArchive", "CascadeReparent", "CascadeShare", "CascadeUnshare", "CascadeRollupView",
            "IsValidForAdvancedFind", "ReferencingAttributeName", "RelationshipDescription", "EntityRelationshipRoles",
        ],
        [
            "EntityRelationshipType", "IsCustomizable", "IntroducedVersion", "IsHierarchical", "ReferencingEntityName", "ReferencedEntityName",
            "CascadeAssign", "CascadeDelete", "CascadeArchive", "CascadeReparent", "CascadeShare", "CascadeUnshare",
            "ReferencingAttributeName", "RelationshipDescription",
        ],
        $"465 one-to-many relationships of Other/Relationships/*.xml in {Apollo} (2026), {AutomationKit}, {CopilotKit} and devkeydet: every one has CascadeArchive",
        zip => Customizations(zip).Elements("EntityRelationships").Elements("EntityRelationship"));

    public static ExportShape Choice { get; } = new(
        "optionset",
        ["OptionSetType", "IsGlobal", "IntroducedVersion", "IsCustomizable", "ExternalTypeName", "displaynames", "Descriptions", "options"],
        ["OptionSetType", "IsGlobal", "IntroducedVersion", "IsCustomizable", "displaynames", "Descriptions", "options"],
        $"{Apollo} OptionSets/apollo_paymentmode.xml (2026, with ExternalTypeName); {AutomationKit} OptionSets/*.xml (without)",
        zip => Customizations(zip).Elements("optionsets").Elements("optionset"));

    public static ExportShape ChoiceOption { get; } = new(
        "option",
        ["labels", "Descriptions"],
        ["labels"],
        $"{Apollo} OptionSets/apollo_paymentmode.xml; {AutomationKit} OptionSets/*.xml",
        zip => Customizations(zip).Elements("optionsets").Elements("optionset").Elements("options").Elements("option"));

    public static ExportShape WebResource { get; } = new(
        "WebResource",
        [
            "WebResourceId", "Name", "DisplayName", "Description", "LanguageCode", "WebResourceType", "IntroducedVersion",
            "IsEnabledForMobileClient", "IsAvailableForMobileOffline", "DependencyXml", "IsCustomizable", "CanBeDeleted", "IsHidden", "FileName",
        ],
        [
            "WebResourceId", "Name", "DisplayName", "WebResourceType", "IntroducedVersion", "IsEnabledForMobileClient",
            "IsAvailableForMobileOffline", "IsCustomizable", "CanBeDeleted", "IsHidden", "FileName",
        ],
        $"WebResources/**/*.data.xml of {Apollo} (2026), {AutomationKit}, {CreatorKit} and {CopilotKit} (80 files)",
        zip => Customizations(zip).Elements("WebResources").Elements("WebResource"));

    public static ExportShape PluginAssembly { get; } = new(
        "PluginAssembly",
        ["Description", "IsolationMode", "SourceType", "IntroducedVersion", "FileName", "PluginTypes"],
        ["IsolationMode", "SourceType", "IntroducedVersion", "FileName", "PluginTypes"],
        $"PluginAssemblies/*/*.dll.data.xml of {Apollo} (2026), {AutomationKit} (2), devkeydet and mikefactorial/PluginSample; Description where the 2018 XSD puts it",
        zip => Customizations(zip).Elements("SolutionPluginAssemblies").Elements("PluginAssembly"));

    public static ExportShape PluginType { get; } = new(
        "PluginType",
        ["Description", "FriendlyName", "WorkflowActivityGroupName"],
        ["FriendlyName"],
        "the same five assemblies (18 plug-in types)",
        zip => Customizations(zip).Elements("SolutionPluginAssemblies").Elements("PluginAssembly").Elements("PluginTypes").Elements("PluginType"));

    public static ExportShape Form { get; } = new(
        "systemform",
        [
            "formid", "IntroducedVersion", "FormPresentation", "FormActivationState", "form", "IsCustomizable", "CanBeDeleted",
            "LocalizedNames", "Descriptions",
        ],
        ["formid", "IntroducedVersion", "FormPresentation", "FormActivationState", "form", "LocalizedNames"],
        $"Entities/*/FormXml/*/*.xml of {Apollo} (2026), {AutomationKit}, {CopilotKit} and {CreatorKit} and devkeydet (220 forms)",
        zip => Customizations(zip).Elements("Entities").Elements("Entity").Elements("FormXml").Elements("forms").Elements("systemform"));

    public static ExportShape View { get; } = new(
        "savedquery",
        [
            "IsCustomizable", "CanBeDeleted", "isquickfindquery", "isprivate", "isdefault", "savedqueryid", "queryapi", "layoutxml",
            "querytype", "fetchxml", "IntroducedVersion", "LocalizedNames", "Descriptions",
        ],
        ["isquickfindquery", "isprivate", "isdefault", "savedqueryid", "querytype", "fetchxml", "IntroducedVersion", "LocalizedNames"],
        $"Entities/*/SavedQueries/*.xml of {Apollo} (2026), {AutomationKit}, {CopilotKit} and {CreatorKit} and devkeydet (534 views)",
        zip => Customizations(zip).Elements("Entities").Elements("Entity").Elements("SavedQueries").Elements("savedqueries").Elements("savedquery"));

    public static ExportShape Chart { get; } = new(
        "visualization",
        [
            "savedqueryvisualizationid", "datadescription", "presentationdescription", "isdefault", "LocalizedNames", "Descriptions",
            "IsCustomizable", "IntroducedVersion", "CanBeDeleted",
        ],
        [
            "savedqueryvisualizationid", "datadescription", "presentationdescription", "isdefault", "LocalizedNames", "IsCustomizable",
            "IntroducedVersion", "CanBeDeleted",
        ],
        "GDFujitsu/GD Entities/new_scheme/Visualizations/{5B50A85F-…}.xml (2019; no chart in the newer exports above)",
        zip => Customizations(zip).Elements("Entities").Elements("Entity").Elements("Visualizations").Elements("visualization"));

    public static ExportShape CustomApi { get; } = new(
        "customapi",
        [
            "allowedcustomprocessingsteptype", "bindingtype", "boundentitylogicalname", "description", "displayname", "executeprivilegename",
            "iscustomizable", "isfunction", "isprivate", "name", "plugintypeid", "workflowsdkstepenabled",
        ],
        [
            "allowedcustomprocessingsteptype", "bindingtype", "description", "displayname", "iscustomizable", "isfunction", "isprivate",
            "name", "plugintypeid", "workflowsdkstepenabled",
        ],
        $"customapis/*/customapi.xml of {AutomationKit} (5), {CreatorKit} (15) and {CopilotKit} (3): an empty optional element is left out",
        zip => Files(zip, "/customapi.xml"));

    public static ExportShape CustomApiRequestParameter { get; } = new(
        "customapirequestparameter",
        ["description", "displayname", "iscustomizable", "isoptional", "logicalentityname", "name", "type"],
        ["displayname", "iscustomizable", "isoptional", "name", "type"],
        $"customapis/*/customapirequestparameters/*/customapirequestparameter.xml of {AutomationKit}, {CreatorKit} and {CopilotKit} "
        + "(39 parameters; the 3 with no description leave the element out)",
        zip => Files(zip, "/customapirequestparameter.xml"));

    public static ExportShape CustomApiResponseProperty { get; } = new(
        "customapiresponseproperty",
        ["description", "displayname", "iscustomizable", "logicalentityname", "name", "type"],
        ["description", "displayname", "iscustomizable", "name", "type"],
        $"customapis/*/customapiresponseproperties/*/customapiresponseproperty.xml of {AutomationKit}, {CreatorKit} and {CopilotKit}",
        zip => Files(zip, "/customapiresponseproperty.xml"));

    public static IReadOnlyList<ExportShape> All { get; } =
    [
        Step, StepImage, App, SiteMap, Column, Role, Relationship, Choice, ChoiceOption, WebResource, PluginAssembly, PluginType,
        Form, View, Chart, CustomApi, CustomApiRequestParameter, CustomApiResponseProperty,
    ];

    private static XElement Customizations(PackedZipContent zip) => zip.Xml("customizations.xml");

    private static IEnumerable<XElement> Files(PackedZipContent zip, string suffix) =>
        zip.Names.Where(n => n.StartsWith("customapis/", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal))
            .Select(zip.Xml);
}
