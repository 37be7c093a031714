using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmRelationship.SolutionModel;

namespace CrmRelationship.Testing;

/// <summary>
/// The Custom APIs a <see cref="Pipeline"/> executes, each resolved as the platform resolves it: the
/// API's <c>plugintypeid</c> looked up among the plug-in types the assembly registers
/// (<c>PluginAssemblies/*/*.dll.data.xml</c>) to the class that is its main operation. Built from
/// Solution/src with <see cref="FromSolution"/>, or from definitions written in code for the harness's own
/// tests. Holds data only (plug-in instances belong to each pipeline), so one catalog can serve many pipelines.
/// </summary>
public sealed class CustomApiCatalog
{
    private readonly Dictionary<string, RegisteredCustomApi> apis = new(StringComparer.Ordinal);

    /// <param name="definitions">The Custom APIs, e.g. <see cref="SolutionSource.CustomApis"/>.</param>
    /// <param name="pluginTypes">The registered plug-in types their <c>plugintypeid</c> refers to.</param>
    /// <param name="pluginAssembly">The assembly the main operations' classes are loaded from.</param>
    /// <exception cref="PipelineRegistrationException">An API the platform would not import or the harness cannot run.</exception>
    public CustomApiCatalog(IEnumerable<CustomApiDefinition> definitions, IEnumerable<PluginTypeRegistration> pluginTypes, Assembly pluginAssembly)
    {
        if (definitions is null)
        {
            throw new ArgumentNullException(nameof(definitions));
        }

        var types = pluginTypes?.ToList() ?? throw new ArgumentNullException(nameof(pluginTypes));
        PluginAssembly = pluginAssembly ?? throw new ArgumentNullException(nameof(pluginAssembly));
        foreach (var definition in definitions)
        {
            var api = Resolve(definition, types);
            if (apis.Keys.Any(k => string.Equals(k, api.UniqueName, StringComparison.OrdinalIgnoreCase)))
            {
                throw new PipelineRegistrationException($"Two Custom APIs are named '{api.UniqueName}'; unique names must be unique.");
            }

            apis.Add(api.UniqueName, api);
        }
    }

    /// <summary>No Custom APIs: what a pipeline executes unless it is given a catalog.</summary>
    public static CustomApiCatalog Empty { get; } =
        new(Array.Empty<CustomApiDefinition>(), Array.Empty<PluginTypeRegistration>(), typeof(CustomApiCatalog).Assembly);

    /// <summary>The assembly the main operations' classes come from.</summary>
    public Assembly PluginAssembly { get; }

    public IReadOnlyCollection<RegisteredCustomApi> Apis => apis.Values;

    /// <summary>The Custom APIs of <c>customapis/</c> with the plug-in types of every registered plug-in assembly.</summary>
    public static CustomApiCatalog FromSolution(SolutionSource source, Assembly pluginAssembly)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        return new CustomApiCatalog(source.CustomApis, source.PluginAssemblies.SelectMany(a => a.Types), pluginAssembly);
    }

    /// <summary>The API with exactly this unique name, or null.</summary>
    public RegisteredCustomApi? Find(string uniqueName) =>
        uniqueName is not null && apis.TryGetValue(uniqueName, out var api) ? api : null;

    private static RegisteredCustomApi Resolve(CustomApiDefinition api, IReadOnlyList<PluginTypeRegistration> types)
    {
        void Fail(string why) => throw new PipelineRegistrationException($"Custom API '{api.UniqueName}' ({api.Folder}): {why}");

        if (api.BindingType != 0)
        {
            Fail($"bindingtype {api.BindingType}: the harness executes unbound (global, 0) Custom APIs only.");
        }

        foreach (var field in api.RequestParameters.Concat(api.ResponseProperties))
        {
            if (field.Type is < CustomApiFieldType.Boolean or > CustomApiFieldType.Guid)
            {
                Fail($"'{field.UniqueName}' has type {field.Type}, which is not a customapifieldtype (0 to 12).");
            }
        }

        if (api.PluginTypeId is not Guid typeId)
        {
            return new RegisteredCustomApi(api, null);
        }

        var type = types.FirstOrDefault(t => t.Id == typeId);
        if (type is null)
        {
            Fail($"plugintypeid {typeId} is not a PluginTypeId of any registered plug-in assembly (PluginAssemblies/*/*.dll.data.xml); the import would fail.");
        }

        var mainOperation = new StepRegistration(
            type!.Id,
            $"{api.UniqueName}: main operation ({type.TypeName})",
            type.QualifiedName,
            type.Id,
            api.UniqueName,
            Pipeline.UnboundEntityName,
            Pipeline.MainOperationStage,
            Mode: 0,
            Rank: 1,
            Array.Empty<string>(),
            Configuration: null,
            Array.Empty<StepImage>(),
            api.Folder + "/customapi.xml")
        {
            Description = api.Description,
        };
        return new RegisteredCustomApi(api, mainOperation);
    }
}

/// <summary>
/// One Custom API as the harness runs it: its definition and its main operation, written as the step
/// registration the platform implies (the API's message at stage 30, the class of its plug-in type,
/// no configuration, no images), so it is created and recorded like any registered step.
/// </summary>
/// <param name="Definition">The API as read from its folder.</param>
/// <param name="MainOperation">Null when the API names no plug-in type: it then runs nothing and returns no values.</param>
public sealed record RegisteredCustomApi(CustomApiDefinition Definition, StepRegistration? MainOperation)
{
    public string UniqueName => Definition.UniqueName;
}
