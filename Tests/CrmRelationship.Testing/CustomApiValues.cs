using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// The contract of a Custom API as registered: which request parameters it takes, which are required,
/// and the .NET type each registered type code (customapifieldtype) carries in an
/// <see cref="OrganizationRequest"/> or <see cref="OrganizationResponse"/>. The pipeline checks a request
/// here before the main operation runs and the output parameters after it, as Dataverse does.
/// </summary>
internal static class CustomApiValues
{
    // The compile-time stand-in of Microsoft.Xrm.Sdk has no Money type; the real SDK's is matched by name.
    private const string MoneyTypeName = "Microsoft.Xrm.Sdk.Money";

    /// <summary>The label of a type code (Microsoft Learn, "CustomAPI tables"), e.g. 7 → Integer.</summary>
    public static string Label(int type) => type switch
    {
        CustomApiFieldType.Boolean => "Boolean",
        CustomApiFieldType.DateTime => "DateTime",
        CustomApiFieldType.Decimal => "Decimal",
        CustomApiFieldType.Entity => "Entity",
        CustomApiFieldType.EntityCollection => "EntityCollection",
        CustomApiFieldType.EntityReference => "EntityReference",
        CustomApiFieldType.Float => "Float",
        CustomApiFieldType.Integer => "Integer",
        CustomApiFieldType.Money => "Money",
        CustomApiFieldType.Picklist => "Picklist",
        CustomApiFieldType.String => "String",
        CustomApiFieldType.StringArray => "StringArray",
        CustomApiFieldType.Guid => "Guid",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a customapifieldtype (0 to 12)."),
    };

    /// <summary>The .NET type name a value of the type code must have, e.g. 7 → System.Int32.</summary>
    public static string ClrTypeName(int type) => type switch
    {
        CustomApiFieldType.Boolean => typeof(bool).FullName!,
        CustomApiFieldType.DateTime => typeof(DateTime).FullName!,
        CustomApiFieldType.Decimal => typeof(decimal).FullName!,
        CustomApiFieldType.Entity => typeof(Entity).FullName!,
        CustomApiFieldType.EntityCollection => typeof(EntityCollection).FullName!,
        CustomApiFieldType.EntityReference => typeof(EntityReference).FullName!,
        CustomApiFieldType.Float => typeof(double).FullName!,
        CustomApiFieldType.Integer => typeof(int).FullName!,
        CustomApiFieldType.Money => MoneyTypeName,
        CustomApiFieldType.Picklist => typeof(OptionSetValue).FullName!,
        CustomApiFieldType.String => typeof(string).FullName!,
        CustomApiFieldType.StringArray => typeof(string[]).FullName!,
        CustomApiFieldType.Guid => typeof(Guid).FullName!,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a customapifieldtype (0 to 12)."),
    };

    /// <summary>True when <paramref name="value"/> (not null) is exactly the .NET type of the type code: no widening, no parsing.</summary>
    public static bool IsOfType(int type, object value) =>
        value is not null && string.Equals(value.GetType().FullName, ClrTypeName(type), StringComparison.Ordinal);

    /// <summary>
    /// The request parameters the main operation receives: a copy of the caller's, after checking
    /// every name, every value's type and every required parameter. All problems are reported at once.
    /// </summary>
    /// <exception cref="CustomApiRequestException">Dataverse would refuse the request.</exception>
    public static ParameterCollection CheckRequest(CustomApiDefinition api, ParameterCollection parameters)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        var problems = new List<string>();
        var copy = new ParameterCollection();
        foreach (var pair in parameters ?? new ParameterCollection())
        {
            var parameter = api.RequestParameter(pair.Key);
            if (parameter is null)
            {
                problems.Add($"Unrecognized request parameter '{pair.Key}'{DidYouMean(pair.Key, api.RequestParameters)}.");
                continue;
            }

            if (pair.Value is not null && !IsOfType(parameter.Type, pair.Value))
            {
                problems.Add(WrongType("request parameter", parameter, pair.Value));
                continue;
            }

            copy[pair.Key] = Copy(pair.Key, pair.Value);
        }

        var missing = api.RequestParameters
            .Where(p => p.IsOptional == false && !(copy.TryGetValue(p.UniqueName, out object given) && given is not null))
            .Select(p => p.UniqueName)
            .ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Required request parameter(s) not given: {string.Join(", ", missing)} (isoptional 0).");
        }

        return problems.Count == 0
            ? copy
            : throw new CustomApiRequestException(
                $"Dataverse refuses this {api.UniqueName} request before any plug-in runs. {string.Join(" ", problems)} "
                + $"It takes: {Describe(api.RequestParameters)}.");
    }

    /// <summary>The response: every output parameter the main operation set, each checked against the registered response properties.</summary>
    /// <exception cref="CustomApiResponseException">An output is not registered, or not of its registered type.</exception>
    public static OrganizationResponse Response(CustomApiDefinition api, ParameterCollection output)
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        var response = new OrganizationResponse { ResponseName = api.UniqueName };
        foreach (var pair in output ?? new ParameterCollection())
        {
            var property = api.ResponseProperty(pair.Key) ?? throw new CustomApiResponseException(
                $"The main operation of {api.UniqueName} set the output parameter '{pair.Key}', which is not one of its registered response properties "
                + $"({Describe(api.ResponseProperties)}): the response cannot be returned. Register it under customapiresponseproperties/ or stop setting it.");
            if (pair.Value is not null && !IsOfType(property.Type, pair.Value))
            {
                throw new CustomApiResponseException($"The main operation of {api.UniqueName} set the {WrongType("response property", property, pair.Value)}");
            }

            response.Results[pair.Key] = Copy(pair.Key, pair.Value);
        }

        return response;
    }

    /// <summary>Copies a value so the caller and the plug-in never share a mutable object, as serialization between them ensures.</summary>
    private static object? Copy(string name, object? value) => value switch
    {
        Entity entity => AttributeValues.Copy(entity),
        EntityCollection collection => new EntityCollection(collection.Entities.Select(e => AttributeValues.Copy(e)).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
        },
        string[] texts => texts.ToArray(),
        OptionSetValue or EntityReference => AttributeValues.Copy(name, value),
        _ => value,
    };

    private static string WrongType(string kind, CustomApiField field, object value) =>
        $"{kind} '{field.UniqueName}' is registered as {Label(field.Type)} ({field.Type}), which takes a {ClrTypeName(field.Type)}, "
        + $"but the value is a {value.GetType().FullName}.";

    private static string DidYouMean(string name, IEnumerable<CustomApiField> fields)
    {
        var near = fields.FirstOrDefault(f => string.Equals(f.UniqueName, name, StringComparison.OrdinalIgnoreCase));
        return near is null ? string.Empty : $" (the harness matches names exactly, as the Web API does: the parameter is '{near.UniqueName}')";
    }

    private static string Describe(IEnumerable<CustomApiField> fields)
    {
        var list = fields.Select(f => $"{f.UniqueName} ({Label(f.Type)}{(f.IsOptional == false ? ", required" : string.Empty)})").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
