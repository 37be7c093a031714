using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// An assembly display name (<c>Name, Version=…, Culture=…, PublicKeyToken=…</c>) as the solution files write it.
/// The solution source carries the token of the committed key (a test recomputes it from the .snk); if the
/// key ever changes, <see cref="WithPublicKeyToken"/> gives the identity to stamp everywhere it appears.
/// </summary>
public sealed record AssemblyIdentity(string Name, string Version, string Culture, string PublicKeyToken)
{
    public const string NoToken = "null";

    public bool IsStrongNamed => !string.Equals(PublicKeyToken, NoToken, StringComparison.OrdinalIgnoreCase);

    public static AssemblyIdentity Parse(string displayName)
    {
        if (displayName is null)
        {
            throw new ArgumentNullException(nameof(displayName));
        }

        var parts = displayName.Split(',').Select(p => p.Trim()).ToList();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException($"'{displayName}' is not an assembly display name.");
            }

            fields[part.Substring(0, eq).Trim()] = part.Substring(eq + 1).Trim();
        }

        string Field(string key) => fields.TryGetValue(key, out var v)
            ? v
            : throw new FormatException($"'{displayName}' has no {key}.");

        return new AssemblyIdentity(parts[0], Field("Version"), Field("Culture"), Field("PublicKeyToken"));
    }

    /// <summary>Splits <c>Namespace.Type, Assembly, Version=…</c> into the type name and the assembly identity.</summary>
    public static (string TypeName, AssemblyIdentity Assembly) ParseQualifiedTypeName(string qualifiedName)
    {
        if (qualifiedName is null)
        {
            throw new ArgumentNullException(nameof(qualifiedName));
        }

        var comma = qualifiedName.IndexOf(',');
        if (comma <= 0)
        {
            throw new FormatException($"'{qualifiedName}' is not an assembly-qualified type name.");
        }

        return (qualifiedName.Substring(0, comma).Trim(), Parse(qualifiedName.Substring(comma + 1)));
    }

    public AssemblyIdentity WithPublicKeyToken(string token) => this with { PublicKeyToken = token };

    public override string ToString() =>
        $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken}";
}
