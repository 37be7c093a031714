using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>One member a type declares, in the form a compiled caller binds to.</summary>
internal sealed record DeclaredMember(
    string DeclaringType,
    string Name,
    string Key,
    bool IsAccessible,
    bool IsPropertyAccessor)
{
    public string Display => DeclaringType + "::" + Key;
}

/// <summary>One type an assembly defines, with its base type and the members it declares itself.</summary>
internal sealed record DeclaredType(
    string FullName,
    string SimpleName,
    bool IsNested,
    bool IsVisible,
    string? BaseTypeDefinition,
    IReadOnlyList<DeclaredMember> Members)
{
    public bool DeclaresName(string name) => Members.Any(m => m.Name == name);
}

/// <summary>
/// Every type and member an assembly defines, read from metadata. Used to compare the stand-in with
/// what Microsoft's compiled code references.
/// </summary>
internal static class DeclaredTypes
{
    public static IReadOnlyDictionary<string, DeclaredType> Read(MetadataReader reader)
    {
        var result = new Dictionary<string, DeclaredType>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var fullName = TypeNames.Of(reader, handle);
            if (fullName == "<Module>")
            {
                continue;
            }

            result.Add(fullName, new DeclaredType(
                fullName,
                reader.GetString(type.Name),
                !type.GetDeclaringType().IsNil,
                IsVisible(reader, handle),
                BaseDefinition(reader, type),
                Members(reader, type, fullName)));
        }

        return result;
    }

    public static bool IsVisible(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        return (type.Attributes & TypeAttributes.VisibilityMask) switch
        {
            TypeAttributes.Public => true,
            TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem =>
                IsVisible(reader, type.GetDeclaringType()),
            _ => false,
        };
    }

    /// <summary>All base types up the chain, as generic type definition names (System.Object included).</summary>
    public static IEnumerable<string> BaseChain(IReadOnlyDictionary<string, DeclaredType> types, string fullName)
    {
        var current = types.TryGetValue(fullName, out var type) ? type.BaseTypeDefinition : null;
        while (current != null)
        {
            yield return current;
            current = types.TryGetValue(current, out var next) ? next.BaseTypeDefinition : null;
        }
    }

    private static string? BaseDefinition(MetadataReader reader, TypeDefinition type)
    {
        var handle = type.BaseType;
        if (handle.IsNil)
        {
            return null;
        }

        if (handle.Kind == HandleKind.TypeSpecification)
        {
            var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)handle).Signature);
            if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            {
                return null;
            }

            blob.ReadSignatureTypeCode();
            handle = blob.ReadTypeHandle();
        }

        return TypeNames.Of(reader, handle, null);
    }

    private static List<DeclaredMember> Members(MetadataReader reader, TypeDefinition type, string fullName)
    {
        var accessors = new HashSet<MethodDefinitionHandle>();
        foreach (var propertyHandle in type.GetProperties())
        {
            var accessorSet = reader.GetPropertyDefinition(propertyHandle).GetAccessors();
            accessors.Add(accessorSet.Getter);
            accessors.Add(accessorSet.Setter);
        }

        var members = new List<DeclaredMember>();
        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var name = reader.GetString(method.Name);
            var signature = method.DecodeSignature(CanonicalTypeProvider.Instance, null);
            members.Add(new DeclaredMember(
                fullName,
                name,
                MemberText.MethodKey(name, signature),
                MemberText.VisibleAccess(method.Attributes) != null,
                accessors.Contains(methodHandle)));
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            var name = reader.GetString(field.Name);
            var fieldType = field.DecodeSignature(CanonicalTypeProvider.Instance, null);
            members.Add(new DeclaredMember(
                fullName,
                name,
                MemberText.FieldKey(name, fieldType),
                MemberText.VisibleAccess(field.Attributes) != null,
                IsPropertyAccessor: false));
        }

        return members;
    }
}
