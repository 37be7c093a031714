using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmRelationship.Scoring;
using CrmRelationship.SolutionModel;
using CrmRelationship.Testing;

namespace CrmRelationship.Plugins.Tests.Support;

/// <summary>
/// Builds the in-memory organization with the steps registered in Solution/src and the plug-in
/// classes of CrmRelationship.Plugins: the scenarios run the plug-ins exactly as they are deployed.
/// </summary>
internal static class Crm
{
    private static readonly Lazy<IReadOnlyList<StepRegistration>> SolutionSteps =
        new(() => SolutionSource.LoadSteps(TestPaths.SolutionSourceFolder));

    private static readonly Lazy<IReadOnlyList<RelationshipDefinition>> SolutionRelationships =
        new(() => SolutionSource.LoadRelationships(TestPaths.SolutionSourceFolder));

    private static readonly Lazy<CustomApiCatalog> SolutionCustomApis =
        new(() => CustomApiCatalog.FromSolution(SolutionSource.Load(TestPaths.SolutionSourceFolder), PluginAssembly));

    public static Assembly PluginAssembly => typeof(ContactScoringPlugin).Assembly;

    /// <summary>The Custom APIs of Solution/src/customapis, resolved through the registered plug-in types.</summary>
    public static CustomApiCatalog CustomApis => SolutionCustomApis.Value;

    /// <summary>The steps of Solution/src/SdkMessageProcessingSteps.</summary>
    public static IReadOnlyList<StepRegistration> Steps => SolutionSteps.Value;

    /// <summary>
    /// An organization running the registered steps and Custom APIs, with the relationships of Solution/src (their
    /// lookups checked and cascaded on delete); <paramref name="edit"/> may change a step's registration (e.g. its configuration).
    /// </summary>
    public static Pipeline Registered(Func<StepRegistration, StepRegistration>? edit = null) =>
        new(Steps.Select(edit ?? (s => s)), PluginAssembly) { CustomApis = CustomApis, Relationships = SolutionRelationships.Value };

    /// <summary>An organization whose steps of every plug-in carry this unsecure configuration.</summary>
    public static Pipeline WithConfiguration(string configuration, params string[] pluginNames) =>
        Registered(s => pluginNames.Length == 0 || pluginNames.Contains(s.PluginClassName.Split('.').Last())
            ? s with { Configuration = configuration }
            : s);

    public const string ContactScoring = nameof(ContactScoringPlugin);
    public const string ContactRollup = nameof(ContactRollupPlugin);
    public const string AccountScoring = nameof(AccountScoringPlugin);

    /// <summary>Dataverse's largest page; the rollup asks for it.</summary>
    public const int PageSize = 5000;

    public static Guid CreateAccount(this Pipeline crm, string name, AccountInputs? inputs = null, Guid id = default) =>
        crm.Create(Accounts.New(name, inputs, id));

    public static Guid CreateContact(this Pipeline crm, ContactInputs inputs, Guid? accountId, string fullName, Guid id = default) =>
        crm.Create(Contacts.New(inputs, accountId, fullName, id));

    public static Microsoft.Xrm.Sdk.Entity Contact(this Pipeline crm, Guid id) => crm.Store.Get(LogicalNames.Contact, id);

    public static Microsoft.Xrm.Sdk.Entity Account(this Pipeline crm, Guid id) => crm.Store.Get(LogicalNames.Account, id);
}
