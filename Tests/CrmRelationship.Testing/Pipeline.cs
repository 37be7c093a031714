using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmRelationship.Testing;

/// <summary>
/// An in-memory organization that runs plug-ins as they are registered, so that a registration mistake
/// (a pre-image column left out, a filtering attribute missing, a step whose writes re-trigger it) fails
/// a test instead of a customer's save. Each Create, Update or Delete goes through PreValidation (10),
/// PreOperation (20), the main operation and PostOperation (40), running the steps registered for that
/// message and table, in stage and rank order. Update steps fire only when the Target carries one of
/// their filtering attributes (none listed: always); images carry only their registered columns; writes
/// a plug-in makes through its service factory re-enter the pipeline one level deeper; an exception
/// aborts the top-level operation and undoes every change it made. Every call a plug-in makes is
/// counted per step execution and per top-level operation (<see cref="Operations"/>).
/// </summary>
/// <example>
/// Built from a solution source and the plug-in assembly under test:
/// <code>
/// var source = SolutionSource.Load(SolutionSource.SourceFolder(repositoryRoot));
/// var assembly = typeof(MyPlugin).Assembly;
/// var crm = new Pipeline(source.Steps, assembly) { CustomApis = CustomApiCatalog.FromSolution(source, assembly) };
/// var id = crm.Create(new Entity("contact") { ["firstname"] = "Ada" });
/// Assert.That(crm.LastOperation.CallCounts, Is.EqualTo(CallCounts.None));
/// </code>
/// </example>
public sealed partial class Pipeline
{
    /// <summary>The platform's depth limit: an operation at depth 9 is an infinite loop.</summary>
    public const int MaxDepth = 8;

    /// <summary>The user a service created with a null user id runs as.</summary>
    public static readonly Guid SystemUserId = new("11111111-0000-0000-0000-000000000001");

    /// <summary>The user the test's own requests run as, unless <see cref="CallerId"/> is changed.</summary>
    public static readonly Guid DefaultCallerId = new("22222222-0000-0000-0000-000000000002");

    private static readonly Guid OrganizationId = new("33333333-0000-0000-0000-000000000003");
    private static readonly Guid BusinessUnitId = new("44444444-0000-0000-0000-000000000004");

    private readonly List<RegisteredStep> steps;
    private readonly List<OperationRecord> operations = new();
    private readonly Random ids;
    private PipelineTransaction? current;
    private DateTime now;

    /// <param name="registrations">The steps to run, e.g. <see cref="SolutionSource.LoadSteps"/> of Solution/src.</param>
    /// <param name="pluginAssembly">The assembly the steps' classes are loaded from.</param>
    /// <param name="seed">Seeds the ids the organization gives new rows and operations, so runs repeat exactly.</param>
    public Pipeline(IEnumerable<StepRegistration> registrations, Assembly pluginAssembly, int seed = 1)
    {
        if (registrations is null)
        {
            throw new ArgumentNullException(nameof(registrations));
        }

        ids = new Random(seed);
        var start = DateTime.UtcNow;
        now = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond));
        Clock = () => now = now.AddSeconds(1);
        Store = new EntityStore(() => Clock(), NewId);
        steps = registrations
            .Select((registration, order) => new RegisteredStep(Validated(registration), order))
            .OrderBy(s => s.Registration.Stage).ThenBy(s => s.Registration.Rank).ThenBy(s => s.Order)
            .ToList();
        foreach (var step in steps)
        {
            step.Plugin = PluginActivator.Create(step.Registration, pluginAssembly ?? throw new ArgumentNullException(nameof(pluginAssembly)));
        }

        Service = new CallerOrganizationService(this);
    }

    /// <summary>The rows: seed them, read them (reads here are not calls).</summary>
    public EntityStore Store { get; }

    /// <summary>The platform's clock for <c>createdon</c>; by default it moves one second per read, so rows created later are later.</summary>
    public Func<DateTime> Clock { get; set; }

    /// <summary>The user the test's requests run as (context UserId and InitiatingUserId).</summary>
    public Guid CallerId { get; set; } = DefaultCallerId;

    /// <summary>The caller's service: every Create, Update and Delete through it is a top-level operation.</summary>
    public IOrganizationService Service { get; }

    public IReadOnlyList<StepRegistration> Steps => steps.Select(s => s.Registration).ToList();

    public IReadOnlyList<OperationRecord> Operations => operations;

    public OperationRecord LastOperation =>
        operations.Count > 0 ? operations[operations.Count - 1] : throw new InvalidOperationException("No operation has run yet.");

    public Guid Create(Entity entity) => Service.Create(entity);

    public void Update(Entity entity) => Service.Update(entity);

    public void Delete(string entityName, Guid id) => Service.Delete(entityName, id);

    internal Guid NewId()
    {
        var bytes = new byte[16];
        ids.NextBytes(bytes);
        return new Guid(bytes);
    }

    internal Entity Read(string entityName, Guid id, ColumnSet columnSet)
    {
        if (columnSet is null || columnSet.AllColumns)
        {
            throw new NotSupportedException("Retrieve must name its columns: AllColumns or no ColumnSet is not supported (solution checker il-specify-column).");
        }

        var row = Store.Row(entityName, id) ?? throw EntityStore.NotFound(entityName, id);
        return AttributeValues.Copy(row, columnSet.Columns);
    }

    internal Guid RunTopLevel(PipelineRequest request) => InTransaction(
        () => new OperationRecord(request.Message, request.EntityName, NewId()) { RecordId = request.Id },
        transaction => RunMessage(request, transaction, depth: 1, parent: null, CallerId));

    /// <summary>
    /// Runs one top-level operation (a Create, Update, Delete or Custom API request) in its own transaction, then,
    /// once it has committed, the asynchronous step executions it queued.
    /// </summary>
    private T InTransaction<T>(Func<OperationRecord> newRecord, Func<PipelineTransaction, T> body)
    {
        var queue = new List<AsyncJob>();
        var record = newRecord();
        var result = InTransaction(record, body, queue);
        RunAsyncJobs(record, queue);
        return result;
    }

    /// <summary>Each queued job as a system job: its own transaction and record; a failure is recorded and undone, never thrown.</summary>
    private void RunAsyncJobs(OperationRecord trigger, List<AsyncJob> queue)
    {
        for (var i = 0; i < queue.Count; i++)
        {
            var job = queue[i];
            var record = new OperationRecord(job.Registration.Message, job.Registration.PrimaryEntity, job.Context.CorrelationId)
            {
                RecordId = job.Context.PrimaryEntityId,
                Asynchronous = true,
            };
            trigger.AddAsync(record);
            try
            {
                InTransaction(record, transaction =>
                {
                    Invoke(job.Plugin, job.Registration, job.Context, transaction);
                    return 0;
                }, queue);
            }
            catch (Exception ex) when (record.Exception == ex)
            {
                // The platform marks the system job failed; the caller's operation stands.
            }
        }
    }

    private T InTransaction<T>(OperationRecord record, Func<PipelineTransaction, T> body, List<AsyncJob> committedJobs)
    {
        if (current is not null)
        {
            throw new InvalidOperationException("A top-level operation is already running; plug-ins must use the service from their IOrganizationServiceFactory.");
        }

        var transaction = new PipelineTransaction(record, NewId(), CallerId, DateTime.UtcNow);
        if (!record.Asynchronous)
        {
            operations.Add(record);
        }

        current = transaction;
        Store.Begin();
        try
        {
            var result = body(transaction);
            if (transaction.Loop is not null)
            {
                throw new PipelineLoopException(transaction.Loop);
            }

            if (transaction.NestedFailure is not null)
            {
                throw new InvalidOperationException(
                    "A nested operation failed inside the transaction and a plug-in caught the exception; Dataverse aborts the whole operation.",
                    transaction.NestedFailure);
            }

            Store.Commit();
            record.Succeeded = true;
            committedJobs.AddRange(transaction.AsyncQueue);
            return result;
        }
        catch (Exception ex)
        {
            Store.Rollback();
            if (transaction.Loop is not null && ex is not PipelineLoopException)
            {
                // The plug-in turned the harness's loop exception into its own error; report the loop itself.
                var loop = new PipelineLoopException(transaction.Loop, ex);
                record.Exception = loop;
                throw loop;
            }

            record.Exception = ex;
            throw;
        }
        finally
        {
            current = null;
        }
    }

    internal Guid RunNested(PipelineRequest request, PipelineTransaction transaction, PipelineExecutionContext parent, Guid userId)
    {
        var depth = parent.Depth + 1;
        if (depth > MaxDepth)
        {
            transaction.Loop ??= LoopMessage(request, parent, depth);
            throw new PipelineLoopException(transaction.Loop);
        }

        try
        {
            return RunMessage(request, transaction, depth, parent, userId);
        }
        catch (Exception ex)
        {
            transaction.NestedFailure ??= ex;
            throw;
        }
    }

    private Guid RunMessage(PipelineRequest request, PipelineTransaction transaction, int depth, PipelineExecutionContext? parent, Guid userId)
    {
        var message = request.Message;
        var entityName = request.EntityName;
        var target = request.Target;
        var input = new ParameterCollection();
        var output = new ParameterCollection();
        var shared = new ParameterCollection();
        input["Target"] = target is null ? new EntityReference(entityName, request.Id) : target;

        var id = request.Id;
        var before = message == PipelineMessages.Create ? null : Store.Row(entityName, id) ?? throw EntityStore.NotFound(entityName, id);
        var beforeCopy = before is null ? null : AttributeValues.Copy(before);
        var registered = steps.Where(s =>
            string.Equals(s.Registration.Message, message, StringComparison.OrdinalIgnoreCase)
            && string.Equals(s.Registration.PrimaryEntity, entityName, StringComparison.Ordinal)).ToList();
        var call = new StepCall(transaction, depth, parent, userId, input, output, shared, beforeCopy);

        foreach (var step in registered.Where(s => s.Registration.Stage < 40))
        {
            RunStep(step, call, target, id, after: null);
        }

        switch (message)
        {
            case PipelineMessages.Create:
                id = Store.Insert(target!, keepCreatedOn: false);
                output["id"] = id;
                break;
            case PipelineMessages.Update:
                Store.Apply(target!, id);
                break;
            default:
                Store.Remove(entityName, id);
                break;
        }

        if (depth == 1)
        {
            transaction.Record.RecordId = id;
        }

        var after = message == PipelineMessages.Delete ? null : AttributeValues.Copy(Store.Row(entityName, id)!);
        foreach (var step in registered.Where(s => s.Registration.Stage == 40))
        {
            if (step.Registration.Mode == AsynchronousMode)
            {
                Queue(step, call, target, id, after);
            }
            else
            {
                RunStep(step, call, target, id, after);
            }
        }

        return id;
    }

    private void RunStep(RegisteredStep step, StepCall call, Entity? target, Guid primaryId, Entity? after)
    {
        if (Fires(step.Registration, target))
        {
            Invoke(step.Plugin!, step.Registration, Context(step.Registration, call, primaryId, after, call.Input, call.Parent), call.Transaction);
        }
    }

    /// <summary>
    /// An asynchronous step: its context is taken now (a copy of the Target, the images as they are now, no parent
    /// context) and it runs after the operation commits.
    /// </summary>
    private static void Queue(RegisteredStep step, StepCall call, Entity? target, Guid primaryId, Entity? after)
    {
        if (!Fires(step.Registration, target))
        {
            return;
        }

        var input = new ParameterCollection();
        foreach (var pair in call.Input)
        {
            input[pair.Key] = pair.Value is Entity entity ? AttributeValues.Copy(entity) : pair.Value;
        }

        call.Transaction.AsyncQueue.Add(new AsyncJob(step.Plugin!, step.Registration, Context(step.Registration, call, primaryId, after, input, parent: null)));
    }

    /// <summary>An Update step fires only when the Target carries one of its filtering attributes (none listed: always).</summary>
    private static bool Fires(StepRegistration registration, Entity? target) =>
        target is null
        || !string.Equals(registration.Message, PipelineMessages.Update, StringComparison.OrdinalIgnoreCase)
        || registration.FiresForAnyColumn
        || target.Attributes.Keys.Any(registration.FilteringAttributes.Contains);

    private static PipelineExecutionContext Context(StepRegistration registration, StepCall call, Guid primaryId, Entity? after, ParameterCollection input, PipelineExecutionContext? parent)
    {
        // OutputParameters exist only after the main operation: earlier stages get an empty collection of their own.
        var output = registration.Stage == 40 ? call.Output : new ParameterCollection();
        var context = new PipelineExecutionContext(
            registration.Message, registration.PrimaryEntity, registration.Stage, call.Depth, parent, input, output, call.Shared)
        {
            Mode = registration.Mode,
            UserId = call.UserId,
            InitiatingUserId = call.Transaction.InitiatingUserId,
            CorrelationId = call.Transaction.Record.CorrelationId,
            OperationId = call.Transaction.OperationId,
            OperationCreatedOn = call.Transaction.CreatedOn,
            RequestId = call.Transaction.OperationId,
            OrganizationId = OrganizationId,
            BusinessUnitId = BusinessUnitId,
            PrimaryEntityId = primaryId,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", registration.Id),
            StepName = registration.Name,
        };
        foreach (var image in registration.Images)
        {
            if (image.IsPreImage && call.Before is not null)
            {
                context.PreEntityImages[image.EntityAlias] = Image(call.Before, image);
            }

            if (image.IsPostImage && after is not null)
            {
                context.PostEntityImages[image.EntityAlias] = Image(after, image);
            }
        }

        return context;
    }

    /// <summary>Runs one plug-in as the platform would, recording its execution, traces, calls and any exception.</summary>
    private void Invoke(IPlugin plugin, StepRegistration registration, PipelineExecutionContext context, PipelineTransaction transaction)
    {
        var execution = new StepExecution(registration, context);
        transaction.Record.Add(execution);
        var provider = new PipelineServiceProvider(
            context,
            new RecordingTracingService(execution.AddTrace),
            new PipelineServiceFactory(this, transaction, execution));
        try
        {
            plugin.Execute(provider);
        }
        catch (Exception ex)
        {
            execution.Exception = ex;
            throw;
        }
    }

    /// <summary>Only the registered columns that have a value (an empty list registers every column).</summary>
    private static Entity Image(Entity row, StepImage image) =>
        AttributeValues.Copy(row, image.Attributes.Count == 0 ? null : image.Attributes);

    private static StepRegistration Validated(StepRegistration step)
    {
        void Fail(string why) => throw new PipelineRegistrationException($"Step '{step.Name}' ({step.SourceFile}): {why}");

        var message = step.Message;
        if (message is not (PipelineMessages.Create or PipelineMessages.Update or PipelineMessages.Delete))
        {
            Fail($"the harness runs Create, Update and Delete, not {message}.");
        }

        if (!PipelineMessages.Stages.Contains(step.Stage))
        {
            Fail($"stage {step.Stage} is not 10, 20 or 40.");
        }

        if (step.Mode is not (0 or AsynchronousMode))
        {
            Fail($"mode {step.Mode} is neither 0 (synchronous) nor 1 (asynchronous).");
        }

        if (step.Mode == AsynchronousMode && step.Stage != 40)
        {
            Fail("an asynchronous step runs only in PostOperation (40).");
        }

        foreach (var image in step.Images)
        {
            if (image.IsPreImage && message == PipelineMessages.Create)
            {
                Fail($"image '{image.Name}': Create has no pre-image.");
            }

            if (image.IsPostImage && (message == PipelineMessages.Delete || step.Stage != 40))
            {
                Fail($"image '{image.Name}': a post-image exists only in PostOperation, and never for Delete.");
            }

            var property = message == PipelineMessages.Create ? "id" : "Target";
            if (!string.Equals(image.MessagePropertyName, property, StringComparison.Ordinal))
            {
                Fail($"image '{image.Name}': the message property of a {message} image is {property}, not {image.MessagePropertyName}.");
            }
        }

        return step;
    }

    private static string LoopMessage(PipelineRequest request, PipelineExecutionContext parent, int depth)
    {
        var chain = new List<string> { $"{request.Message} of {request.EntityName} (depth {depth})" };
        for (IPluginExecutionContext? context = parent; context is not null; context = context.ParentContext)
        {
            var name = context is PipelineExecutionContext known ? known.StepName : "?";
            chain.Add($"{context.MessageName} of {context.PrimaryEntityName} (depth {context.Depth}, stage {context.Stage}, step {name})");
        }

        chain.Reverse();
        return $"Infinite loop: the operation went deeper than depth {MaxDepth}, where Dataverse stops it. "
            + "A plug-in's own writes keep re-triggering a step: " + string.Join(" -> ", chain) + ".";
    }

    /// <summary>StepRegistration.Mode of an asynchronous step.</summary>
    private const int AsynchronousMode = 1;

    /// <summary>An asynchronous step execution waiting for its operation to commit.</summary>
    internal sealed record AsyncJob(IPlugin Plugin, StepRegistration Registration, PipelineExecutionContext Context);

    /// <summary>A registered step and the one plug-in instance that serves all its executions.</summary>
    private sealed class RegisteredStep
    {
        public RegisteredStep(StepRegistration registration, int order)
        {
            Registration = registration;
            Order = order;
        }

        public StepRegistration Registration { get; }

        public int Order { get; }

        public IPlugin? Plugin { get; set; }
    }

    /// <summary>What every step of one message execution shares.</summary>
    private sealed record StepCall(
        PipelineTransaction Transaction,
        int Depth,
        PipelineExecutionContext? Parent,
        Guid UserId,
        ParameterCollection Input,
        ParameterCollection Output,
        ParameterCollection Shared,
        Entity? Before);
}
