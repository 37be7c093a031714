using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CrmRelationship.Plugins.Tests.Support;
using CrmRelationship.Scoring;
using CrmRelationship.Testing;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins.Tests.Scenarios;

/// <summary>
/// Service calls per save, by kind of save, asserted exactly and printed as the README's markdown
/// table (test output, and call-counts.md in the test's work directory). Run it alone with
/// <c>dotnet test Tests/CrmRelationship.Plugins.Tests --filter CallCountTable --logger "console;verbosity=detailed"</c>.
/// </summary>
[TestFixture]
public sealed class CallCountTable
{
    private static readonly ContactInputs HighRisk = Contacts.Matrix(RelationshipStatus.No, OrganizationalPower.High, Perception.Detractor, ActivityLevel.Active);

    /// <summary>Marks a plug-in whose step does not run for the save.</summary>
    private static CallCounts? DoesNotRun => null;
    private static readonly CallCounts? NoCall = CallCounts.None;

    private static readonly Save[] Saves =
    {
        new("Contact created on an account", 1, (crm, s) => crm.CreateContact(Contacts.FullyAssessed, s.A, "New contact"), NoCall, Calls(1, 1, 1), DoesNotRun),
        new("Contact created without an account", 1, (crm, s) => crm.CreateContact(Contacts.FullyAssessed, null, "New contact"), NoCall, NoCall, DoesNotRun),
        new("Contact input changed (action changes)", 1, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)))), NoCall, Calls(1, 1, 1), DoesNotRun),
        new("Contact input changed (action changes)", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)))), NoCall, Calls(1, 1, 1), DoesNotRun),
        new("Contact input changed (action changes)", 12_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.ContactInputs.Perception, Columns.Option(Perception.Advocate)))), NoCall, Calls(3, 1, 1), DoesNotRun),
        new("Contact's need changed (next step changes; not the key contact)", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.ContactInputs.PrimaryNeed, Columns.Option(HumanNeed.Growth)))), NoCall, Calls(1, 1, 0), DoesNotRun),
        new("Contact input changed, no rolled-up value changes (cadence)", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.ContactInputs.FeedbackCadence, Columns.Option(FeedbackCadence.Yearly)))), NoCall, NoCall, DoesNotRun),
        new("Contact saved with the input values it already has", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, Contacts.InputColumns(HighRisk).Select(p => (p.Key, p.Value)).ToArray())), NoCall, NoCall, DoesNotRun),
        new("Contact renamed (full name; not the key contact)", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.Standard.FullName, "Ada King"))), DoesNotRun, Calls(1, 1, 0), DoesNotRun),
        new("Contact column that is no input (firstname)", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (OtherColumns.FirstName, "Augusta"))), DoesNotRun, DoesNotRun, DoesNotRun),
        new("Contact moved to another account", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.Standard.ParentCustomerId, new EntityReference(Names.Account, s.B)))), DoesNotRun, Calls(2, 2, 2), DoesNotRun),
        new("Contact deactivated", 1_000, (crm, s) => crm.Update(Contacts.Change(s.Ada, (Names.Standard.StateCode, new OptionSetValue(States.Inactive)))), DoesNotRun, Calls(1, 1, 1), DoesNotRun),
        new("Contact deleted", 1_000, (crm, s) => crm.Delete(Names.Contact, s.Ada), DoesNotRun, Calls(1, 1, 1), DoesNotRun),
        new("Account created", 0, (crm, s) => crm.CreateAccount("New account"), DoesNotRun, DoesNotRun, NoCall),
        new("Account input changed (its customer view)", 1_000, (crm, s) => crm.Update(new Entity(Names.Account, s.A) { [Names.AccountInputs.CustomerViewLevel] = Columns.Option(RelationshipLevel.Advisor) }), DoesNotRun, DoesNotRun, new CallCounts(0, 1, 0, 0, 0)),
        new("Account input changed (its customer view)", 12_000, (crm, s) => crm.Update(new Entity(Names.Account, s.A) { [Names.AccountInputs.CustomerViewLevel] = Columns.Option(RelationshipLevel.Advisor) }), DoesNotRun, DoesNotRun, new CallCounts(0, 3, 0, 0, 0)),
        new("Account column that is no input (name)", 1_000, (crm, s) => crm.Update(new Entity(Names.Account, s.A) { [Names.Standard.Name] = "Renamed" }), DoesNotRun, DoesNotRun, DoesNotRun),
    };

    [Test]
    public void CallCountTable_EverySaveCostsExactlyItsBudget()
    {
        // Arrange and act
        var rows = Saves.Select(save => (Save: save, Operation: Run(save))).ToList();

        // Assert
        var table = Markdown(rows);
        TestContext.Out.WriteLine(table);
        File.WriteAllText(Path.Combine(TestContext.CurrentContext.WorkDirectory, "call-counts.md"), table);
        Assert.Multiple(() =>
        {
            foreach (var (save, op) in rows)
            {
                var label = $"{save.Name} ({save.Contacts} contacts)";
                Assert.That(op.Succeeded, Is.True, label);
                Assert.That(Ran(op, Crm.ContactScoring) ? op.CallsOf(Crm.ContactScoring) : (CallCounts?)null, Is.EqualTo(save.Scoring), label + ": contact scoring");
                Assert.That(Ran(op, Crm.ContactRollup) ? op.CallsOf(Crm.ContactRollup) : (CallCounts?)null, Is.EqualTo(save.Rollup), label + ": rollup");
                Assert.That(Ran(op, Crm.AccountScoring) ? op.CallsOf(Crm.AccountScoring) : (CallCounts?)null, Is.EqualTo(save.Account), label + ": account step");
                var pages = (int)Math.Ceiling(Math.Max(1, save.Contacts) / (double)Crm.PageSize);
                Assert.That(op.CallsOf(Crm.ContactRollup).RetrieveMultiple, Is.LessThanOrEqualTo(2 * pages), label + ": at most one page per 5,000 contacts per affected account");
            }
        });
    }

    private static bool Ran(OperationRecord op, string plugin) => op.StepsOf(plugin).Count > 0;

    private static CallCounts Calls(int pages, int retrieves, int updates) => new(retrieves, pages, 0, updates, 0);

    /// <summary>A fresh organization: accounts A and B, Ada (a high-risk contact) and the rest of A's contacts, then the save.</summary>
    private static OperationRecord Run(Save save)
    {
        var crm = Crm.Registered();
        var a = crm.CreateAccount("Contoso");
        var b = crm.CreateAccount("Fabrikam");
        var now = DateTime.UtcNow;
        for (var i = 1; i < save.Contacts; i++)
        {
            crm.Store.Seed(Contacts.Scored(i % 2 == 0 ? Contacts.FullyAssessed : ContactInputs.Empty, a, "Contact " + i, now));
        }

        var ada = crm.CreateContact(HighRisk, a, "Ada Lovelace");
        save.Act(crm, new Setup(a, b, ada));
        return crm.LastOperation;
    }

    private static string Markdown(List<(Save Save, OperationRecord Operation)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Save | Active contacts on the account | ContactScoringPlugin | ContactRollupPlugin | AccountScoringPlugin | Calls in total |");
        text.AppendLine("|---|---:|---|---|---|---:|");
        foreach (var (save, op) in rows)
        {
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {save.Name} | {save.Contacts:N0} | {Cell(op, Crm.ContactScoring)} | {Cell(op, Crm.ContactRollup)} | {Cell(op, Crm.AccountScoring)} | {op.CallCounts.Total} |"));
        }

        return text.ToString();
    }

    private static string Cell(OperationRecord op, string plugin)
    {
        if (!Ran(op, plugin))
        {
            return "does not run";
        }

        var calls = op.CallsOf(plugin);
        var parts = new List<string>();
        if (calls.RetrieveMultiple > 0) { parts.Add(calls.RetrieveMultiple + (calls.RetrieveMultiple == 1 ? " query page" : " query pages")); }
        if (calls.Retrieve > 0) { parts.Add(calls.Retrieve + " Retrieve"); }
        if (calls.Update > 0) { parts.Add(calls.Update + " Update"); }
        if (calls.Create + calls.Delete > 0) { parts.Add((calls.Create + calls.Delete) + " other"); }
        return parts.Count == 0 ? "0 calls" : string.Join(" + ", parts);
    }

    /// <summary>The rows the save acts on.</summary>
    private sealed record Setup(Guid A, Guid B, Guid Ada);

    /// <summary>One kind of save and what each plug-in costs for it (null: the plug-in's step does not run).</summary>
    private sealed record Save(
        string Name,
        int Contacts,
        Action<Pipeline, Setup> Act,
        CallCounts? Scoring,
        CallCounts? Rollup,
        CallCounts? Account);
}
