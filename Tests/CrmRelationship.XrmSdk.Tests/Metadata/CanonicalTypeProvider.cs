using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>Names of the generic parameters in scope, so a signature can print TKey instead of !0.</summary>
internal sealed record GenericNames(IReadOnlyList<string> TypeParameters, IReadOnlyList<string> MethodParameters);

/// <summary>
/// Decodes metadata signatures to canonical text that is the same for a type reference in another
/// assembly and the type definition in the stand-in: full name with '+' for nesting, no assembly,
/// "valuetype " in front of value types, !n / !!n for generic parameters (or their names when a
/// <see cref="GenericNames"/> context is given), byref as '&amp;'.
/// </summary>
internal sealed class CanonicalTypeProvider : ISignatureTypeProvider<string, GenericNames?>
{
    public static readonly CanonicalTypeProvider Instance = new();

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.Void => "System.Void",
        _ => throw new ArgumentOutOfRangeException(nameof(typeCode), typeCode, null),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        KindPrefix(rawTypeKind) + TypeNames.Of(reader, handle);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        KindPrefix(rawTypeKind) + TypeNames.Of(reader, handle);

    public string GetTypeFromSpecification(MetadataReader reader, GenericNames? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(GenericNames? genericContext, int index) =>
        genericContext is { } names && index < names.TypeParameters.Count ? names.TypeParameters[index] : "!" + index;

    public string GetGenericMethodParameter(GenericNames? genericContext, int index) =>
        genericContext is { } names && index < names.MethodParameters.Count ? names.MethodParameters[index] : "!!" + index;

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    public string GetFunctionPointerType(MethodSignature<string> signature) =>
        "method " + signature.ReturnType + " *(" + string.Join(",", signature.ParameterTypes) + ")";

    /// <summary>Canonical text of a method signature: "(p1,p2) : ret", prefixed "static " when not instance.</summary>
    public static string Format(MethodSignature<string> signature)
    {
        var text = "(" + string.Join(",", signature.ParameterTypes) + ") : " + signature.ReturnType;
        if (signature.Header.CallingConvention != SignatureCallingConvention.Default)
        {
            text += " callconv(" + signature.Header.CallingConvention + ")";
        }

        return (signature.Header.IsInstance ? string.Empty : "static ") + text;
    }

    private static string KindPrefix(byte rawTypeKind) =>
        rawTypeKind == (byte)SignatureTypeKind.ValueType ? "valuetype " : string.Empty;
}

/// <summary>Full type names as the canonical text writes them (namespace, '+' between nested names, no assembly).</summary>
internal static class TypeNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "+" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Name of a base type or interface (definition, reference or instantiated specification).</summary>
    public static string Of(MetadataReader reader, EntityHandle handle, GenericNames? context) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Of(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => Of(reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle)
            .DecodeSignature(CanonicalTypeProvider.Instance, context),
        _ => throw new ArgumentOutOfRangeException(nameof(handle), handle.Kind, null),
    };

    /// <summary>The generic parameter names of a type definition, outer types' first (as metadata stores them).</summary>
    public static IReadOnlyList<string> GenericParameterNames(MetadataReader reader, GenericParameterHandleCollection parameters) =>
        parameters.Select(p => reader.GetString(reader.GetGenericParameter(p).Name)).ToArray();
}
