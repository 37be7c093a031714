using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Packaging.Assemblies;

/// <summary>
/// What the packer needs to know of a .NET assembly, read from its metadata without loading it: the
/// identity the solution registers, the framework it was built for, the classes it defines, and whether it
/// carries the compile-time stand-in marker <c>[assembly: AssemblyMetadata("CrmRelationship.CompileTimeStandIn", "true")]</c>.
/// </summary>
public sealed record AssemblyFacts(
    AssemblyIdentity Identity,
    string? TargetFramework,
    bool IsCompileTimeStandIn,
    IReadOnlySet<string> DefinedTypes)
{
    public const string StandInMarker = "CrmRelationship.CompileTimeStandIn";

    /// <summary>The facts of a PE file with .NET metadata, or null for any other content.</summary>
    public static AssemblyFacts? TryRead(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length < 2 || content[0] != (byte)'M' || content[1] != (byte)'Z')
        {
            return null;
        }

        try
        {
            using var pe = new PEReader(ImmutableArray.Create(content));
            if (!pe.HasMetadata)
            {
                return null;
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return null;
            }

            return Read(reader);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    public static AssemblyFacts? TryRead(string path) => TryRead(File.ReadAllBytes(path));

    private static AssemblyFacts Read(MetadataReader reader)
    {
        var definition = reader.GetAssemblyDefinition();
        var culture = reader.GetString(definition.Culture);
        var identity = new AssemblyIdentity(
            reader.GetString(definition.Name),
            definition.Version.ToString(),
            culture.Length == 0 ? "neutral" : culture,
            Token(reader.GetBlobBytes(definition.PublicKey)));

        string? framework = null;
        var standIn = false;
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var type = AttributeTypeName(reader, attribute);
            if (type is "System.Runtime.Versioning.TargetFrameworkAttribute" or "System.Reflection.AssemblyMetadataAttribute")
            {
                var arguments = attribute.DecodeValue(new StringArguments()).FixedArguments;
                if (type == "System.Runtime.Versioning.TargetFrameworkAttribute" && arguments.Length >= 1)
                {
                    framework = arguments[0].Value as string;
                }
                else if (arguments.Length == 2 && arguments[0].Value as string == StandInMarker
                         && string.Equals(arguments[1].Value as string, "true", StringComparison.OrdinalIgnoreCase))
                {
                    standIn = true;
                }
            }
        }

        var types = reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .Where(t => t.GetDeclaringType().IsNil)
            .Select(t => Qualified(reader.GetString(t.Namespace), reader.GetString(t.Name)))
            .ToHashSet(StringComparer.Ordinal);
        return new AssemblyFacts(identity, framework, standIn, types);
    }

    // No key gives "null".
    private static string Token(byte[] publicKey) =>
        publicKey.Length == 0 ? AssemblyIdentity.NoToken : StrongNameKeyFile.TokenOf(publicKey);

    private static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle parent = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return parent.Kind switch
        {
            HandleKind.TypeReference => Qualified(
                reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Namespace),
                reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name)),
            HandleKind.TypeDefinition => Qualified(
                reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)parent).Namespace),
                reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)parent).Name)),
            _ => null,
        };
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>Decodes the string and primitive arguments of the two attributes read here.</summary>
    private sealed class StringArguments : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
