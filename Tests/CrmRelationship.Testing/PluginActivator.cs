using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CrmRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Testing;

/// <summary>
/// Creates the plug-in instance of a step the way the platform does: the class the step names, from
/// the assembly the step names (name and public key token checked), through its
/// (unsecure, secure) constructor with the step's configuration. One instance per step, reused for
/// every execution, as the platform caches it.
/// </summary>
internal static class PluginActivator
{
    public static IPlugin Create(StepRegistration step, Assembly pluginAssembly, string? secureConfiguration = null)
    {
        if (step is null)
        {
            throw new ArgumentNullException(nameof(step));
        }

        if (pluginAssembly is null)
        {
            throw new ArgumentNullException(nameof(pluginAssembly));
        }

        CheckAssembly(step, pluginAssembly.GetName());
        var type = pluginAssembly.GetType(step.PluginClassName, throwOnError: false, ignoreCase: false)
            ?? throw new PipelineRegistrationException(
                $"Step '{step.Name}' names the class {step.PluginClassName}, which {pluginAssembly.GetName().Name} does not contain.");
        if (!typeof(IPlugin).IsAssignableFrom(type) || !type.IsPublic || type.IsAbstract)
        {
            throw new PipelineRegistrationException($"Step '{step.Name}': {type.FullName} is not a public, concrete IPlugin class.");
        }

        try
        {
            var both = type.GetConstructor(new[] { typeof(string), typeof(string) });
            if (both is not null)
            {
                return (IPlugin)both.Invoke(new object?[] { step.Configuration, secureConfiguration });
            }

            var unsecureOnly = type.GetConstructor(new[] { typeof(string) });
            if (unsecureOnly is not null)
            {
                return (IPlugin)unsecureOnly.Invoke(new object?[] { step.Configuration });
            }

            if (!string.IsNullOrEmpty(step.Configuration))
            {
                throw new PipelineRegistrationException(
                    $"Step '{step.Name}' has a configuration, but {type.FullName} has no constructor that takes one.");
            }

            return (IPlugin)(Activator.CreateInstance(type)
                ?? throw new PipelineRegistrationException($"{type.FullName} could not be created."));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new PipelineRegistrationException(
                $"The constructor of {type.FullName} threw for step '{step.Name}'; the platform would fail every execution of the step.",
                ex.InnerException);
        }
    }

    private static void CheckAssembly(StepRegistration step, AssemblyName loaded)
    {
        var registered = step.Assembly;
        if (!string.Equals(registered.Name, loaded.Name, StringComparison.Ordinal))
        {
            throw new PipelineRegistrationException(
                $"Step '{step.Name}' names the assembly {registered.Name}, but the harness runs {loaded.Name}.");
        }

        var token = string.Concat((loaded.GetPublicKeyToken() ?? Array.Empty<byte>()).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        var expected = registered.IsStrongNamed ? registered.PublicKeyToken.ToLowerInvariant() : string.Empty;
        if (!string.Equals(token, expected, StringComparison.Ordinal))
        {
            throw new PipelineRegistrationException(
                $"Step '{step.Name}' names PublicKeyToken={registered.PublicKeyToken}, but {loaded.Name} has "
                + (token.Length == 0 ? "none" : token) + ": the platform would not load the class.");
        }
    }
}
