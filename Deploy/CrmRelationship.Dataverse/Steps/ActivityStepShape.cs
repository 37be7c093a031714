using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Steps;

/// <summary>
/// How ActivityTouchpointsPlugin is registered on an activity table, as Solution/src registers it on phonecall,
/// appointment and email (a test compares the two): asynchronous PostOperation steps on Create, on Update of
/// statecode and actualend, and on Delete with a pre-image of statecode and the party lists. <c>crmrel settings
/// apply</c> registers the same steps on the custom activity tables the settings weight (relationship-model.md §9).
/// </summary>
public static class ActivityStepShape
{
    public const string PluginTypeName = "CrmRelationship.Plugins.ActivityTouchpointsPlugin";

    /// <summary>The start of the name of every step of the plug-in: "CrmRelationship.Plugins.ActivityTouchpointsPlugin: ".</summary>
    public const string NamePrefix = PluginTypeName + ": ";

    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    public const int Stage = 40;
    public const int Mode = 1;
    public const int Rank = 1;
    public const bool AsyncAutoDelete = true;

    public const string ImageName = "PreImage";
    public const int PreImageType = 0;
    public const string ImageMessageProperty = "Target";

    /// <summary>The tables Solution/src registers the plug-in on; apply never adds or removes their steps.</summary>
    public static readonly string[] BuiltInTables = { Names.Activities.Appointment, Names.Activities.Email, Names.Activities.PhoneCall };

    /// <summary>The three messages, in the order their steps are registered.</summary>
    public static readonly string[] Messages = { Create, Update, Delete };

    /// <summary>The Update step's filtering attributes: a save that changes neither runs nothing.</summary>
    public static readonly string[] UpdateFilteringAttributes = { Names.Activities.StateCode, Names.Activities.ActualEnd };

    /// <summary>
    /// The Delete step's pre-image columns on a custom activity table: statecode and the party lists the plug-in reads
    /// (<see cref="Names.Activities.PartyLists"/>: from, to, cc, requiredattendees, optionalattendees, organizer). Every
    /// custom activity table has these, because every activity party type is available to a custom activity
    /// (activities-config-webapi.md §A1), so no metadata read is needed.
    /// </summary>
    public static IReadOnlyList<string> PreImageColumns { get; } = new[] { Names.Activities.StateCode }.Concat(Names.Activities.PartyLists).ToArray();

    public static bool IsBuiltIn(string? table) => table is not null && BuiltInTables.Contains(table, StringComparer.Ordinal);

    /// <summary>"CrmRelationship.Plugins.ActivityTouchpointsPlugin: Create of new_sitevisit", the form Solution/src uses.</summary>
    public static string StepName(string message, string table) => NamePrefix + message + " of " + table;

    /// <summary>The SDK message id, the same in every organization.</summary>
    public static Guid MessageId(string message) => SdkMessages.IdOf(message);

    public static string FilteringAttributes(string message) =>
        message == Update ? string.Join(",", UpdateFilteringAttributes) : string.Empty;

    public static string Description(string message, string table) => message switch
    {
        Create => "Recounts the touchpoints of the contacts in a new completed " + table + "'s party lists, in the background. Registered by crmrel settings apply.",
        Update => "Recounts the touchpoints of the " + table + "'s contact parties, in the background, when it is completed, reopened or its actual end changes. Registered by crmrel settings apply.",
        _ => "Recounts the touchpoints of the contacts a deleted completed " + table + " counted for, in the background; the pre-image carries its party lists. Registered by crmrel settings apply.",
    };
}
