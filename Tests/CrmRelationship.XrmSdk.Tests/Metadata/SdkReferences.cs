using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>A type another assembly references from the SDK assembly.</summary>
internal sealed record ReferencedType(string FullName, string SimpleName, bool IsNested);

/// <summary>A member another assembly references on an SDK type (the parent's generic instantiation is dropped).</summary>
internal sealed record ReferencedMember(string DeclaringType, string Name, string Key)
{
    public string Display => DeclaringType + "::" + Key;
}

/// <summary>A method a type in another assembly defines while implementing an SDK interface implicitly.</summary>
internal sealed record ImplementingMethod(string ImplementingType, string Name, string Key, bool IsPublicVirtual);

/// <summary>
/// What an assembly compiled against the real SDK says about it: the identity of its reference to
/// <c>Microsoft.Xrm.Sdk</c>, every type reference resolved to that assembly, every member reference
/// whose parent is such a type (or a generic instantiation of one), and the SDK interfaces its own
/// types implement.
/// </summary>
internal sealed class SdkReferences
{
    private SdkReferences(
        AssemblyReference sdkAssembly,
        IReadOnlyList<ReferencedType> types,
        IReadOnlyList<ReferencedMember> members,
        IReadOnlyDictionary<string, IReadOnlyList<ImplementingMethod>> interfaceImplementations,
        MetadataReader reader)
    {
        SdkAssembly = sdkAssembly;
        Types = types;
        Members = members;
        InterfaceImplementations = interfaceImplementations;
        this.reader = reader;
    }

    private readonly MetadataReader reader;

    public AssemblyReference SdkAssembly { get; }

    public string SdkAssemblyName => this.reader.GetString(SdkAssembly.Name);

    public byte[] SdkPublicKeyOrToken => this.reader.GetBlobBytes(SdkAssembly.PublicKeyOrToken);

    public IReadOnlyList<ReferencedType> Types { get; }

    public IReadOnlyList<ReferencedMember> Members { get; }

    /// <summary>SDK interface full name → the public methods of the types that implement it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ImplementingMethod>> InterfaceImplementations { get; }

    public static SdkReferences Read(MetadataReader reader, string sdkAssemblyName)
    {
        var sdkHandle = reader.AssemblyReferences
            .Single(h => reader.GetString(reader.GetAssemblyReference(h).Name) == sdkAssemblyName);

        var sdkTypes = new Dictionary<TypeReferenceHandle, ReferencedType>();
        foreach (var handle in reader.TypeReferences)
        {
            if (ResolvesTo(reader, handle, sdkHandle))
            {
                var type = reader.GetTypeReference(handle);
                sdkTypes.Add(handle, new ReferencedType(
                    TypeNames.Of(reader, handle),
                    reader.GetString(type.Name),
                    type.ResolutionScope.Kind == HandleKind.TypeReference));
            }
        }

        var members = new List<ReferencedMember>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var parent = GenericDefinitionOf(reader, member.Parent);
            if (parent is not { } parentHandle || !sdkTypes.TryGetValue(parentHandle, out var parentType))
            {
                continue;
            }

            var name = reader.GetString(member.Name);
            var key = member.GetKind() == MemberReferenceKind.Method
                ? MemberText.MethodKey(name, member.DecodeMethodSignature(CanonicalTypeProvider.Instance, null))
                : MemberText.FieldKey(name, member.DecodeFieldSignature(CanonicalTypeProvider.Instance, null));
            members.Add(new ReferencedMember(parentType.FullName, name, key));
        }

        return new SdkReferences(
            reader.GetAssemblyReference(sdkHandle),
            sdkTypes.Values.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray(),
            members.Distinct().OrderBy(m => m.Display, StringComparer.Ordinal).ToArray(),
            ReadInterfaceImplementations(reader, sdkTypes),
            reader);
    }

    private static bool ResolvesTo(MetadataReader reader, TypeReferenceHandle handle, AssemblyReferenceHandle assembly)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference && (AssemblyReferenceHandle)scope == assembly;
    }

    /// <summary>The type reference behind a member reference's parent: itself, or the generic type of an instantiation.</summary>
    private static TypeReferenceHandle? GenericDefinitionOf(MetadataReader reader, EntityHandle parent)
    {
        if (parent.Kind == HandleKind.TypeReference)
        {
            return (TypeReferenceHandle)parent;
        }

        if (parent.Kind != HandleKind.TypeSpecification)
        {
            return null;
        }

        var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode();
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? (TypeReferenceHandle)generic : null;
    }

    private static Dictionary<string, IReadOnlyList<ImplementingMethod>> ReadInterfaceImplementations(
        MetadataReader reader, Dictionary<TypeReferenceHandle, ReferencedType> sdkTypes)
    {
        var result = new Dictionary<string, List<ImplementingMethod>>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            foreach (var implementationHandle in type.GetInterfaceImplementations())
            {
                var implemented = reader.GetInterfaceImplementation(implementationHandle).Interface;
                if (implemented.Kind != HandleKind.TypeReference
                    || !sdkTypes.TryGetValue((TypeReferenceHandle)implemented, out var sdkInterface))
                {
                    continue;
                }

                if (!result.TryGetValue(sdkInterface.FullName, out var methods))
                {
                    methods = [];
                    result.Add(sdkInterface.FullName, methods);
                }

                var typeName = TypeNames.Of(reader, typeHandle);
                foreach (var methodHandle in type.GetMethods())
                {
                    var method = reader.GetMethodDefinition(methodHandle);
                    var name = reader.GetString(method.Name);
                    var isPublicVirtual = (method.Attributes & System.Reflection.MethodAttributes.MemberAccessMask) == System.Reflection.MethodAttributes.Public
                        && (method.Attributes & System.Reflection.MethodAttributes.Virtual) != 0;
                    methods.Add(new ImplementingMethod(
                        typeName,
                        name,
                        MemberText.MethodKey(name, method.DecodeSignature(CanonicalTypeProvider.Instance, null)),
                        isPublicVirtual));
                }
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyList<ImplementingMethod>)p.Value);
    }
}
