extern alias plugins;

using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using ContactScoringPlugin = plugins::CrmRelationship.Plugins.ContactScoringPlugin;

namespace CrmRelationship.Benchmarks;

/// <summary>
/// ContactScoringPlugin.Execute in-process, as the sandbox calls it on a contact save: a prepared
/// service provider with the context, a tracing service that formats every line, a Target and (for
/// Update) the registered pre-image. Target: under 20 µs per save. The SDK types are the compile-time
/// stand-in's, so this measures the adapter and the scoring, not the real SDK's collections.
/// </summary>
[MemoryDiagnoser]
public class ContactScoringPluginBenchmarks
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The platform calls plug-ins through IPlugin; so does the benchmark.")]
    private readonly IPlugin plugin = new ContactScoringPlugin(null, null);
    private IServiceProvider provider = new Provider(new Context("Create"));

    [Params("Create", "Update")]
    public string Message { get; set; } = "Create";

    [GlobalSetup]
    public void Setup()
    {
        var id = new Guid("c0000000-0000-0000-0000-00000000000c");
        var context = new Context(Message) { PrimaryEntityId = id };
        if (Message == "Update")
        {
            // The seller changed one input; the pre-image carries the rest and the stored level, as registered.
            context.InputParameters["Target"] = new Entity(LogicalNames.Contact, id) { [LogicalNames.ContactInputs.Perception] = Option((int)Perception.Advocate) };
            var stored = FullyAssessed(id);
            stored[LogicalNames.Computed.RelationshipLevel] = Option((int)RelationshipLevel.Service);
            stored[LogicalNames.Computed.PreviousLevel] = Option((int)RelationshipLevel.Transactional);
            stored[LogicalNames.Computed.LevelChangedOn] = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
            context.PreEntityImages["PreImage"] = stored;
        }
        else
        {
            context.InputParameters["Target"] = FullyAssessed(Guid.Empty);
        }

        provider = new Provider(context);
    }

    [Benchmark]
    public void Execute() => plugin.Execute(provider);

    private static OptionSetValue Option(int value) => new(value);

    /// <summary>Every input set: the longest explanation.</summary>
    private static Entity FullyAssessed(Guid id) => new(LogicalNames.Contact, id)
    {
        [LogicalNames.ContactInputs.Relationship] = Option((int)RelationshipStatus.Yes),
        [LogicalNames.ContactInputs.OrganizationalPower] = Option((int)OrganizationalPower.High),
        [LogicalNames.ContactInputs.Perception] = Option((int)Perception.Detractor),
        [LogicalNames.ContactInputs.ActivityLevel] = Option((int)ActivityLevel.Active),
        [LogicalNames.ContactInputs.ObservedBehaviours] = new OptionSetValueCollection
        {
            Option((int)RelationshipBehaviour.BuysFromUs), Option((int)RelationshipBehaviour.ReliesOnOurSupport), Option((int)RelationshipBehaviour.ConsultsUsBeforeDecisions),
        },
        [LogicalNames.ContactInputs.RiskBehaviours] = new OptionSetValueCollection { Option((int)RiskBehaviour.Criticism), Option((int)RiskBehaviour.Contempt) },
        [LogicalNames.ContactInputs.CustomerViewLevel] = Option((int)RelationshipLevel.Advisor),
        [LogicalNames.ContactInputs.CustomerViewDate] = new DateTime(2026, 3, 15),
        [LogicalNames.ContactInputs.FeedbackCadence] = Option((int)FeedbackCadence.HalfYearly),
    };

    /// <summary>Hands out the context, the tracing service and a factory that must not be used (contact scoring makes no call).</summary>
    private sealed class Provider : IServiceProvider, IOrganizationServiceFactory
    {
        private readonly Context context;
        private readonly Tracing tracing = new();

        public Provider(Context context)
        {
            this.context = context;
        }

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IPluginExecutionContext) ? context
            : serviceType == typeof(ITracingService) ? tracing
            : serviceType == typeof(IOrganizationServiceFactory) ? this
            : null;

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            throw new InvalidOperationException("Contact scoring must make no organization-service call.");
    }

    /// <summary>Formats each line as the platform does, then drops it.</summary>
    private sealed class Tracing : ITracingService
    {
        public int Characters { get; private set; }

        public void Trace(string format, params object[] args) =>
            Characters += (args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args)).Length;
    }

    /// <summary>The PreOperation context of a contact save.</summary>
    private sealed class Context : IPluginExecutionContext
    {
        public Context(string message)
        {
            MessageName = message;
        }

        public int Stage => 20;

        public IPluginExecutionContext? ParentContext => null;

        public int Mode => 0;

        public int IsolationMode => 2;

        public int Depth => 1;

        public string MessageName { get; }

        public string PrimaryEntityName => LogicalNames.Contact;

        public Guid? RequestId => null;

        public string SecondaryEntityName => "none";

        public ParameterCollection InputParameters { get; } = new();

        public ParameterCollection OutputParameters { get; } = new();

        public ParameterCollection SharedVariables { get; } = new();

        public Guid UserId => Guid.Empty;

        public Guid InitiatingUserId => Guid.Empty;

        public Guid BusinessUnitId => Guid.Empty;

        public Guid OrganizationId => Guid.Empty;

        public string OrganizationName => "benchmark";

        public Guid PrimaryEntityId { get; init; }

        public EntityImageCollection PreEntityImages { get; } = new();

        public EntityImageCollection PostEntityImages { get; } = new();

        public EntityReference? OwningExtension => null;

        public Guid CorrelationId { get; } = new("0c0c0c0c-0000-0000-0000-000000000000");

        public bool IsExecutingOffline => false;

        public bool IsOfflinePlayback => false;

        public bool IsInTransaction => true;

        public Guid OperationId => Guid.Empty;

        public DateTime OperationCreatedOn => DateTime.UtcNow;
    }
}
