using System;
using System.Globalization;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Plugins;

/// <summary>
/// What one execution needs from the service provider, built at the start of <c>Execute</c>. Lives
/// only for that call, so the plug-in instance itself keeps no state between calls.
/// </summary>
internal sealed class PluginCall
{
    private readonly IServiceProvider provider;
    private IOrganizationService? service;

    private PluginCall(IServiceProvider provider, IPluginExecutionContext context, ITracingService? tracing)
    {
        this.provider = provider;
        Context = context;
        Tracing = tracing;
    }

    public IPluginExecutionContext Context { get; }

    /// <summary>May be null outside the platform; <see cref="Trace"/> then writes nothing.</summary>
    public ITracingService? Tracing { get; }

    /// <summary>
    /// The organization service as the SYSTEM user (a null user id), created on first use so a call
    /// that needs none creates none. Account values are system-maintained: they must count every
    /// active contact whoever saves, and be written even when the seller cannot edit the account
    /// (another business unit, another owner), as platform rollup columns are.
    /// </summary>
    public IOrganizationService Service
    {
        get
        {
            if (service is null)
            {
                var factory = provider.GetService(typeof(IOrganizationServiceFactory)) as IOrganizationServiceFactory
                    ?? throw new InvalidOperationException("The service provider has no IOrganizationServiceFactory.");
                service = factory.CreateOrganizationService(null);
            }

            return service;
        }
    }

    public static PluginCall From(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new ArgumentNullException(nameof(serviceProvider));
        }

        var context = serviceProvider.GetService(typeof(IPluginExecutionContext)) as IPluginExecutionContext
            ?? throw new InvalidOperationException("The service provider has no IPluginExecutionContext.");
        var tracing = serviceProvider.GetService(typeof(ITracingService)) as ITracingService;
        return new PluginCall(serviceProvider, context, tracing);
    }

    /// <summary>True when the step is registered as this plug-in expects; otherwise traces why and returns false.</summary>
    public bool IsRegisteredAs(string entity, int stage, params string[] messages)
    {
        var registered = string.Equals(Context.PrimaryEntityName, entity, StringComparison.Ordinal)
            && Context.Stage == stage
            && Array.IndexOf(messages, Context.MessageName) >= 0;
        if (!registered)
        {
            Trace("Not registered as expected ({0} {1} stage {2}); nothing done.", Context.MessageName, Context.PrimaryEntityName, Context.Stage);
        }

        return registered;
    }

    /// <summary>
    /// The Target of a PreOperation Create or Update registered as expected, or null (traced) when the
    /// registration differs or there is no Target entity: the plug-in then does nothing.
    /// </summary>
    public Entity? RegisteredTarget(string entity)
    {
        if (!IsRegisteredAs(entity, Messages.PreOperation, Messages.Create, Messages.Update))
        {
            return null;
        }

        var target = Target;
        if (target is null)
        {
            Trace("No Target entity; nothing done.");
        }

        return target;
    }

    public bool IsMessage(string message) => string.Equals(Context.MessageName, message, StringComparison.Ordinal);

    public Entity? Target => Context.InputParameters.TryGetValue("Target", out var target) ? target as Entity : null;

    public Entity? PreImage => Image(Context.PreEntityImages, Messages.PreImage);

    public Entity? PostImage => Image(Context.PostEntityImages, Messages.PostImage);

    public void Trace(string format, params object[] args) => Tracing?.Trace(format, args);

    /// <summary>A number as a trace shows it: invariant digits, or "none".</summary>
    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>
    /// The step lacks something its registration in the solution provides (an image). That is not
    /// the user's doing, so it is handled as an unexpected error: traced, and reported with the
    /// correlation id. <paramref name="problem"/> names only the step and the image.
    /// </summary>
    public InvalidPluginExecutionException Misregistered(string problem)
    {
        Trace("Registration problem: {0}", problem);
        return new InvalidPluginExecutionException(
            problem + " Ask your administrator to re-import the Customer Relationship Influence solution, and give them this reference: "
            + Context.CorrelationId + ".");
    }

    /// <summary>
    /// Runs the body with the product's error policy: a user-correctable problem passes through as
    /// it is; anything unexpected is traced in full and reported with the correlation id.
    /// </summary>
    public static void Run(IServiceProvider serviceProvider, string pluginName, Action<PluginCall> body)
    {
        var call = From(serviceProvider);
        try
        {
            call.Trace("{0}: {1} {2} stage {3}, correlation {4}.", pluginName, call.Context.MessageName, call.Context.PrimaryEntityName, call.Context.Stage, call.Context.CorrelationId);
            body(call);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            call.Trace("{0} failed unexpectedly: {1}", pluginName, ex);
            throw new InvalidPluginExecutionException(
                "Customer Relationship Influence could not score this record because of an unexpected error. "
                + "Try again; if it keeps happening, give your administrator this reference: " + call.Context.CorrelationId + ".");
        }
    }

    private static Entity? Image(EntityImageCollection? images, string name) =>
        images is not null && images.TryGetValue(name, out var image) ? image : null;
}

/// <summary>Message, stage and image names as registered in the solution source.</summary>
internal static class Messages
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const int PreOperation = 20;
    public const int PostOperation = 40;
    public const string PreImage = "PreImage";
    public const string PostImage = "PostImage";
}

/// <summary>
/// The administrator settings of a step's unsecure configuration, read once when the platform
/// creates the plug-in. A bad setting is kept as its message, so every execution refuses with it.
/// </summary>
internal sealed class StepSettings
{
    private readonly RelationshipScorer? scorer;
    private readonly string? error;

    public StepSettings(string? unsecureConfiguration)
    {
        try
        {
            scorer = new RelationshipScorer(ScoringSettings.Parse(unsecureConfiguration));
        }
        catch (ScoringSettingsException ex)
        {
            error = "The Customer Relationship Influence step configuration is invalid. " + ex.Message
                + " Ask your administrator to correct the step's unsecure configuration.";
        }
    }

    /// <summary>The scorer, or an <see cref="InvalidPluginExecutionException"/> naming the bad setting.</summary>
    public RelationshipScorer Scorer => scorer ?? throw new InvalidPluginExecutionException(error);
}
