using System;
using System.Collections.Generic;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// One SDK message processing step of the product's plug-in assembly as the environment holds it now (which may
/// differ from Solution/src: administrators can change a customizable step).
/// </summary>
/// <param name="Id">sdkmessageprocessingstepid.</param>
/// <param name="Name">"CrmRelationship.Plugins.ContactScoringPlugin: Update of contact".</param>
/// <param name="Message">The SDK message name (Create, Update, Delete, UpdateMultiple …), or null when not expanded.</param>
/// <param name="PrimaryEntity">The table, or null for a step on any table.</param>
/// <param name="Stage">10 PreValidation, 20 PreOperation, 30 main operation (a Custom API), 40 PostOperation.</param>
/// <param name="FilteringAttributes">Column logical names; empty means every update fires the step.</param>
/// <param name="Configuration">The unsecure configuration: the administrator settings JSON, or null.</param>
/// <param name="Enabled">statecode 0.</param>
/// <param name="IsManaged">Installed by a managed solution.</param>
/// <param name="IsCustomizable">The step's iscustomizable managed property.</param>
public sealed record PluginStep(
    Guid Id,
    string Name,
    string? Message,
    string? PrimaryEntity,
    int Stage,
    IReadOnlyList<string> FilteringAttributes,
    string? Configuration,
    bool Enabled,
    bool IsManaged,
    bool IsCustomizable)
{
    /// <summary>The name without the assembly's namespace: "ContactScoringPlugin: Update of contact".</summary>
    public string ShortName => Name.StartsWith(PluginSteps.NamePrefix, StringComparison.Ordinal) ? Name[PluginSteps.NamePrefix.Length..] : Name;

    /// <summary>Whether its configuration can be written: any unmanaged step, or a managed one marked customizable.</summary>
    public bool ConfigurationWritable => !IsManaged || IsCustomizable;

    /// <summary>The configuration as the plug-in reads it: empty and whitespace are the defaults.</summary>
    public string EffectiveConfiguration => string.IsNullOrWhiteSpace(Configuration) ? string.Empty : Configuration.Trim();
}
