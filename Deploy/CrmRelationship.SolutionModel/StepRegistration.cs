using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// One SDK message processing step as registered in <c>Solution/src/SdkMessageProcessingSteps</c>:
/// what runs, on which message, entity and stage, when it fires, and which images it receives.
/// </summary>
public sealed record StepRegistration(
    Guid Id,
    string Name,
    string PluginTypeName,
    Guid PluginTypeId,
    string Message,
    string PrimaryEntity,
    int Stage,
    int Mode,
    int Rank,
    IReadOnlyList<string> FilteringAttributes,
    string? Configuration,
    IReadOnlyList<StepImage> Images,
    string SourceFile)
{
    /// <summary>The plug-in class's full name (the part of <see cref="PluginTypeName"/> before the assembly name).</summary>
    public string PluginClassName => PluginTypeName.Split(',')[0].Trim();

    /// <summary>An Update step with no filtering attributes fires on every update.</summary>
    public bool FiresForAnyColumn => FilteringAttributes.Count == 0;
}

/// <summary>An entity image of a step: 0 pre-image, 1 post-image, 2 both.</summary>
public sealed record StepImage(
    Guid Id,
    string Name,
    string EntityAlias,
    int ImageType,
    string MessagePropertyName,
    IReadOnlyList<string> Attributes)
{
    public bool IsPreImage => ImageType is 0 or 2;

    public bool IsPostImage => ImageType is 1 or 2;
}
