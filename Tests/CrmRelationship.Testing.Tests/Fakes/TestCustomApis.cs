using System;
using System.Collections.Generic;
using System.Linq;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Testing.Tests.Fakes;

/// <summary>Custom APIs written in code, with the fake main operations of this test assembly as their plug-in types.</summary>
internal static class TestCustomApis
{
    /// <summary>The plug-in types registered for the fakes; each type's GUID stands in for its PluginTypeId.</summary>
    public static readonly IReadOnlyList<PluginTypeRegistration> PluginTypes = new[]
    {
        TypeOf<MirrorApiPlugin>(),
        TypeOf<WritingApiPlugin>(),
    };

    public static CustomApiField Request(string name, int type, bool optional = true) =>
        new(name, name, name, string.Empty, type, optional, string.Empty, "(registered in code)");

    public static CustomApiField Response(string name, int type) =>
        new(name, name, name, string.Empty, type, null, string.Empty, "(registered in code)");

    /// <summary>An unbound action whose main operation is <typeparamref name="TPlugin"/>.</summary>
    public static CustomApiDefinition Api<TPlugin>(string uniqueName, IEnumerable<CustomApiField> request, IEnumerable<CustomApiField> response) =>
        Api(uniqueName, typeof(TPlugin).GUID, request, response);

    public static CustomApiDefinition Api(string uniqueName, Guid? pluginTypeId, IEnumerable<CustomApiField> request, IEnumerable<CustomApiField> response) =>
        new(
            uniqueName,
            uniqueName,
            uniqueName,
            string.Empty,
            BindingType: 0,
            BoundEntityLogicalName: string.Empty,
            IsFunction: false,
            IsPrivate: false,
            AllowedCustomProcessingStepType: 0,
            ExecutePrivilegeName: string.Empty,
            WorkflowSdkStepEnabled: false,
            pluginTypeId,
            request.ToList(),
            response.ToList(),
            "customapis/" + uniqueName);

    public static CustomApiCatalog Catalog(params CustomApiDefinition[] apis) =>
        new(apis, PluginTypes, typeof(TestCustomApis).Assembly);

    /// <summary>A pipeline executing these APIs and running these steps.</summary>
    public static Pipeline NewPipeline(IEnumerable<CustomApiDefinition> apis, params StepRegistration[] steps) =>
        new(steps, typeof(TestCustomApis).Assembly) { CustomApis = Catalog(apis.ToArray()) };

    private static PluginTypeRegistration TypeOf<TPlugin>() =>
        new(typeof(TPlugin).GUID, typeof(TPlugin).FullName!, typeof(TPlugin).FullName + ", " + typeof(TPlugin).Assembly.FullName, typeof(TPlugin).Name);
}
