using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The sdkmessage ids a step file names. They are the same in every organization
/// (docs/platform/sdk-solution-webapi.md §3.8).
/// </summary>
public static class SdkMessages
{
    public static readonly Guid Create = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
    public static readonly Guid Update = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8");
    public static readonly Guid Delete = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8");

    private static readonly IReadOnlyDictionary<Guid, string> Names = new Dictionary<Guid, string>
    {
        [Create] = "Create",
        [Update] = "Update",
        [Delete] = "Delete",
    };

    /// <summary>The message name for an id, or null when this model does not know the message.</summary>
    public static string? NameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : null;

    /// <summary>The id for a message name (case-insensitive).</summary>
    public static Guid IdOf(string name)
    {
        foreach (var pair in Names)
        {
            if (string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Key;
            }
        }

        throw new ArgumentException($"Unknown SDK message '{name}'.", nameof(name));
    }

    public static IEnumerable<Guid> All => Names.Keys;
}
