using System;
using System.Linq;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>Traces carry ids, column names, decisions and counts: never a person's or an account's name.</summary>
[TestFixture]
public sealed class TracingScenarios
{
    private static readonly string[] PersonalData = { "Augusta", "Ada Lovelace", "Lovelace", "Contoso Secret", "Fabrikam Private" };

    [Test]
    public void EverySaveOfAContact_TracesNoPersonalData()
    {
        // Arrange
        var crm = Crm.Registered();
        var contoso = crm.CreateAccount("Contoso Secret Holdings");
        var fabrikam = crm.CreateAccount("Fabrikam Private");

        // Act
        var ada = crm.CreateContact(Contacts.FullyAssessed, contoso, "Augusta Ada Lovelace");
        crm.Update(Contacts.Change(ada, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate))));
        crm.Update(Contacts.Change(ada, (Names.Standard.ParentCustomerId, new EntityReference(Names.Account, fabrikam))));
        crm.Update(Contacts.Change(ada, (Names.Standard.StateCode, new OptionSetValue(States.Inactive))));
        crm.Update(Contacts.Change(ada, (Names.Standard.StateCode, new OptionSetValue(States.Active))));
        crm.Delete(Names.Contact, ada);

        // Assert
        var traces = crm.Operations.SelectMany(o => o.Trace).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(traces, Is.Not.Empty);
            Assert.That(traces.Where(t => PersonalData.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase))), Is.Empty);
            Assert.That(traces, Has.Some.Contain(ada.ToString()), "ids are traced");
            Assert.That(traces.Where(t => t.Contains("correlation", StringComparison.Ordinal)), Is.Not.Empty);
        });
    }
}
