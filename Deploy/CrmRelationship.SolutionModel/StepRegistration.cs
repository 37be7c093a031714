using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// One SDK message processing step as registered in <c>Solution/src/SdkMessageProcessingSteps</c>:
/// what runs, on which message, entity and stage, when it fires, and which images it receives.
/// The plug-in test harness runs plug-ins exactly as registered here, so a missing image column fails
/// a test, not a customer's save.
/// </summary>
/// <param name="PluginTypeName">The assembly-qualified class name, as the file writes it.</param>
/// <param name="Message">The SDK message name (Create, Update, Delete), resolved from the SdkMessageId.</param>
/// <param name="Stage">10 PreValidation, 20 PreOperation, 40 PostOperation (see <see cref="PipelineStage"/>).</param>
/// <param name="Mode">0 synchronous, 1 asynchronous.</param>
/// <param name="FilteringAttributes">Column logical names; empty means every change fires the step.</param>
/// <param name="Configuration">The unsecure configuration (the administrator settings JSON); null when empty.</param>
/// <param name="SourceFile">The step file's path.</param>
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
    /// <summary>The SdkMessageId of the step file (the reader names <see cref="Message"/> from it).</summary>
    public Guid SdkMessageId => SdkMessages.IdOf(Message);

    /// <summary>The step's description, as shown to administrators.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>AsyncAutoDelete: 1 deletes an asynchronous step's system job once it succeeds; 0 for synchronous steps.</summary>
    public int AsyncAutoDelete { get; init; }

    /// <summary>The plug-in class's full name (the part of <see cref="PluginTypeName"/> before the assembly name).</summary>
    public string PluginClassName => PluginTypeName.Split(',')[0].Trim();

    /// <summary>The assembly identity of <see cref="PluginTypeName"/>.</summary>
    public AssemblyIdentity Assembly => AssemblyIdentity.ParseQualifiedTypeName(PluginTypeName).Assembly;

    /// <summary><see cref="Stage"/> as an enum.</summary>
    public PipelineStage PipelineStage => (PipelineStage)Stage;

    /// <summary><see cref="Mode"/> as an enum.</summary>
    public StepMode ExecutionMode => (StepMode)Mode;

    /// <summary>An Update step with no filtering attributes fires on every update.</summary>
    public bool FiresForAnyColumn => FilteringAttributes.Count == 0;

    /// <summary>The image with this name (e.g. PreImage), or null.</summary>
    public StepImage? Image(string name) =>
        Images.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    /// <summary>Every column the registration names: filtering attributes and image columns.</summary>
    public IEnumerable<string> ReferencedColumns() =>
        FilteringAttributes.Concat(Images.SelectMany(i => i.Attributes)).Distinct(StringComparer.Ordinal);
}

/// <summary>An entity image of a step: 0 pre-image, 1 post-image, 2 both.</summary>
/// <param name="MessagePropertyName">Target for Update and Delete, id for Create.</param>
/// <param name="Attributes">Column logical names; an empty list means all columns.</param>
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

    /// <summary><see cref="ImageType"/> as an enum.</summary>
    public StepImageType Kind => (StepImageType)ImageType;
}
