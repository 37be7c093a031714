using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// A Custom API of <c>customapis/&lt;uniquename&gt;/customapi.xml</c> with its request parameters and response
/// properties (the layout of Microsoft Learn, "Create a custom API with solution files"). The published 2018
/// schemas do not know these files; their shape is checked by the solution tests instead.
/// </summary>
/// <param name="BindingType">0 Global, 1 Entity, 2 EntityCollection.</param>
/// <param name="AllowedCustomProcessingStepType">0 None, 1 Async Only, 2 Sync and Async.</param>
/// <param name="PluginTypeId">The plug-in type of the main operation, or null when the API has none.</param>
/// <param name="Folder">The API's folder relative to the source root, e.g. <c>customapis/rel_X</c>.</param>
public sealed record CustomApiDefinition(
    string UniqueName,
    string Name,
    string DisplayName,
    string Description,
    int BindingType,
    string BoundEntityLogicalName,
    bool IsFunction,
    bool IsPrivate,
    int AllowedCustomProcessingStepType,
    string ExecutePrivilegeName,
    bool WorkflowSdkStepEnabled,
    Guid? PluginTypeId,
    IReadOnlyList<CustomApiField> RequestParameters,
    IReadOnlyList<CustomApiField> ResponseProperties,
    string Folder)
{
    public CustomApiField? RequestParameter(string uniqueName) =>
        RequestParameters.FirstOrDefault(p => string.Equals(p.UniqueName, uniqueName, StringComparison.Ordinal));

    public CustomApiField? ResponseProperty(string uniqueName) =>
        ResponseProperties.FirstOrDefault(p => string.Equals(p.UniqueName, uniqueName, StringComparison.Ordinal));
}

/// <summary>A request parameter or response property of a Custom API.</summary>
/// <param name="Type">customapifieldtype: see <see cref="CustomApiFieldType"/>.</param>
/// <param name="IsOptional">Request parameters only; null for a response property (which must not carry it).</param>
/// <param name="RelativePath">The file, relative to the source root; its folder is named by <paramref name="UniqueName"/>.</param>
public sealed record CustomApiField(
    string UniqueName,
    string Name,
    string DisplayName,
    string Description,
    int Type,
    bool? IsOptional,
    string LogicalEntityName,
    string RelativePath);

/// <summary>
/// The Type choice of customapirequestparameter and customapiresponseproperty (Microsoft Learn, "CustomAPI tables").
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the labels of the Dataverse choice.")]
public static class CustomApiFieldType
{
    public const int Boolean = 0;
    public const int DateTime = 1;
    public const int Decimal = 2;
    public const int Entity = 3;
    public const int EntityCollection = 4;
    public const int EntityReference = 5;
    public const int Float = 6;
    public const int Integer = 7;
    public const int Money = 8;
    public const int Picklist = 9;
    public const int String = 10;
    public const int StringArray = 11;
    public const int Guid = 12;

    /// <summary>The name of a type code, e.g. 7 → Integer, as the generated code spells it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a customapifieldtype.</exception>
    public static string NameOf(int type) =>
        typeof(CustomApiFieldType).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && (int)f.GetRawConstantValue()! == type)
            .Select(f => f.Name)
            .FirstOrDefault()
        ?? throw new ArgumentOutOfRangeException(nameof(type), type, "Not a Custom API field type.");
}
