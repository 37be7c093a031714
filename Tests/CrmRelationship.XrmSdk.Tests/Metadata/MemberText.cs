using System.Reflection;
using System.Reflection.Metadata;

namespace CrmRelationship.XrmSdk.Tests.Metadata;

/// <summary>Shared wording for member access and the binding key of a member.</summary>
internal static class MemberText
{
    /// <summary>C# access word for members a consumer can see, or null when it cannot.</summary>
    public static string? VisibleAccess(MethodAttributes attributes) => (attributes & MethodAttributes.MemberAccessMask) switch
    {
        MethodAttributes.Public => "public",
        MethodAttributes.Family => "protected",
        MethodAttributes.FamORAssem => "protected internal",
        _ => null,
    };

    public static string? VisibleAccess(FieldAttributes attributes) => (attributes & FieldAttributes.FieldAccessMask) switch
    {
        FieldAttributes.Public => "public",
        FieldAttributes.Family => "protected",
        FieldAttributes.FamORAssem => "protected internal",
        _ => null,
    };

    /// <summary>
    /// What a compiled caller binds to: metadata name, generic arity and the canonical signature with
    /// generic parameters by position. Identical for a MemberReference and the matching definition.
    /// </summary>
    public static string MethodKey(string name, MethodSignature<string> signature) =>
        name + (signature.GenericParameterCount > 0 ? "``" + signature.GenericParameterCount : string.Empty)
        + CanonicalTypeProvider.Format(signature);

    public static string FieldKey(string name, string fieldType) => name + " : field " + fieldType;
}
