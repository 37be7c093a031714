using System;
using System.Collections.Generic;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// The SDK message ids that are the same in every Dataverse organization (as the SdkMessageId of the
/// steps in exported solutions shows), mapped to message names.
/// </summary>
public static class SdkMessages
{
    public static readonly Guid Create = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8");
    public static readonly Guid Update = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8");
    public static readonly Guid Delete = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8");

    private static readonly Dictionary<Guid, string> Names = new()
    {
        [Create] = "Create",
        [Update] = "Update",
        [Delete] = "Delete",
    };

    public static IEnumerable<Guid> All => Names.Keys;

    /// <summary>The message name of a known id; throws for an id the product does not use.</summary>
    public static string NameOf(Guid id) =>
        TryNameOf(id) ?? throw new InvalidOperationException(
            "SDK message id " + id + " is not one the product registers (Create, Update, Delete).");

    /// <summary>The message name of a known id, or null.</summary>
    public static string? TryNameOf(Guid id) => Names.TryGetValue(id, out var name) ? name : null;

    /// <summary>The id of a message name (case-insensitive).</summary>
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
}
