using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// A plug-in step as registered in <c>SdkMessageProcessingSteps/{id}.xml</c>. The plug-in test harness
/// runs plug-ins exactly as registered here, so a missing image column fails a test, not a save.
/// </summary>
/// <param name="PluginTypeName">The plug-in class, e.g. <c>CrmRelationship.Plugins.ContactScoringPlugin</c>.</param>
/// <param name="PluginTypeQualifiedName">The class with its assembly identity, as written in the file.</param>
/// <param name="Message">The SDK message name (Create, Update, Delete), resolved from <paramref name="SdkMessageId"/>.</param>
/// <param name="PrimaryEntity">Logical name of the table the step is registered on.</param>
/// <param name="FilteringAttributes">Column logical names; empty means every change fires the step.</param>
/// <param name="Configuration">The unsecure configuration (the administrator settings JSON); empty by default.</param>
public sealed record StepRegistration(
    Guid Id,
    string Name,
    string PluginTypeName,
    string PluginTypeQualifiedName,
    Guid PluginTypeId,
    string Message,
    Guid SdkMessageId,
    string PrimaryEntity,
    PipelineStage Stage,
    StepMode Mode,
    int Rank,
    IReadOnlyList<string> FilteringAttributes,
    string Configuration,
    string Description,
    IReadOnlyList<StepImage> Images)
{
    /// <summary>The image with this name (e.g. PreImage), or null.</summary>
    public StepImage? Image(string name) =>
        Images.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    /// <summary>Every column the step reads from its registration: filtering attributes and image columns.</summary>
    public IEnumerable<string> ReferencedColumns() =>
        FilteringAttributes.Concat(Images.SelectMany(i => i.Attributes)).Distinct(StringComparer.Ordinal);
}

/// <summary>An entity image of a step.</summary>
/// <param name="MessagePropertyName">Target for Update and Delete, id for Create.</param>
/// <param name="Attributes">Column logical names; an empty list means all columns.</param>
public sealed record StepImage(
    Guid Id,
    string Name,
    string EntityAlias,
    ImageType ImageType,
    string MessagePropertyName,
    IReadOnlyList<string> Attributes);
