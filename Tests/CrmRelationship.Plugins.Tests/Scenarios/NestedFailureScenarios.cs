using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// A write the rollup makes can be refused by another step on account Update (a customer's validation,
/// for example). On the platform the rollup then receives the organization service's fault, never that
/// step's InvalidPluginExecutionException, so the product's error policy applies to it.
/// </summary>
[TestFixture]
public sealed class NestedFailureScenarios
{
    [Test]
    public void AccountWriteRefusedByAnotherStep_UserSeesTheCorrelationId_AndTheRollupTracesTheRefusal()
    {
        // Arrange: the account Update step made to fire on every column and to refuse (its bad configuration
        // stands in for any step that refuses the rollup's write).
        var crm = Crm.Registered(s => s.PluginClassName.EndsWith(Crm.AccountScoring, StringComparison.Ordinal) && s.Message == PipelineMessages.Update
            ? s with { FilteringAttributes = Array.Empty<string>(), Configuration = "{\"colour\": \"blue\"}" }
            : s);
        var account = crm.CreateAccount("Contoso");

        // Act
        var thrown = Assert.Throws<InvalidPluginExecutionException>(() => crm.CreateContact(Contacts.FullyAssessed, account, "Ada Lovelace"));

        // Assert
        var rollup = crm.LastOperation.StepsOf(Crm.ContactRollup).Single();
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain(crm.LastOperation.CorrelationId.ToString()).And.Not.Contain("colour"));
            Assert.That(string.Join(Environment.NewLine, rollup.Trace), Does.Contain("failed unexpectedly").And.Contain("'colour'"));
            Assert.That(crm.Store.Count(Names.Contact), Is.Zero);
        });
    }
}
