using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace CrmRelationship.Solution.Tests.Packing;

/// <summary>
/// What the tests read from an assembly's metadata, independently of the packer: identity, public key
/// token, the TargetFramework attribute and the string arguments of every AssemblyMetadata attribute.
/// </summary>
internal sealed record AssemblyMetadata(
    string Name,
    Version Version,
    string PublicKeyToken,
    string? TargetFramework,
    IReadOnlyList<(string Key, string? Value)> Metadata)
{
    /// <summary>The metadata of a PE file, or null when the bytes are not a .NET assembly.</summary>
    public static AssemblyMetadata? TryRead(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 'M' || bytes[1] != 'Z')
        {
            return null;
        }

        using var pe = new PEReader(ImmutableArray.Create(bytes));
        if (!pe.HasMetadata || !pe.GetMetadataReader().IsAssembly)
        {
            return null;
        }

        var reader = pe.GetMetadataReader();
        var assembly = reader.GetAssemblyDefinition();
        string? framework = null;
        var metadata = new List<(string, string?)>();
        foreach (var attribute in assembly.GetCustomAttributes().Select(reader.GetCustomAttribute))
        {
            var type = AttributeType(reader, attribute);
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16(); // prolog 0x0001
            if (type == "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                framework = blob.ReadSerializedString();
            }
            else if (type == "System.Reflection.AssemblyMetadataAttribute")
            {
                metadata.Add((blob.ReadSerializedString() ?? string.Empty, blob.ReadSerializedString()));
            }
        }

        var key = reader.GetBlobBytes(assembly.PublicKey);
#pragma warning disable CA5350 // The public key token is defined on SHA-1; it is an identifier, not a security use.
        var token = key.Length == 0 ? "null" : Convert.ToHexStringLower(SHA1.HashData(key)[^8..].Reverse().ToArray());
#pragma warning restore CA5350
        return new AssemblyMetadata(reader.GetString(assembly.Name), assembly.Version, token, framework, metadata);
    }

    private static string AttributeType(MetadataReader reader, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return string.Empty;
        }

        var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return string.Empty;
        }

        var type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
    }
}
