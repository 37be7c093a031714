using System.Linq;
using System.Threading.Tasks;
using CrmRelationship.Dataverse.Tests.Support;
using NUnit.Framework;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Dataverse.Tests;

[TestFixture]
public sealed class RecalcBasicsTests
{
    [Test]
    public async Task NeverScoredBook_EveryActiveRecordWrittenOnce_RerunWritesNothing()
    {
        // Arrange
        await using var environment = await FakeEnvironment.StartAsync(contacts: 1200, accounts: 60);
        var fake = environment.Fake;

        // Act
        var first = await environment.RecalcAsync();
        var writesAfterFirst = fake.Contacts.TotalWrites + fake.Accounts.TotalWrites;
        fake.Journal.Clear();
        var second = await environment.RecalcAsync();

        // Assert
        var activeContacts = fake.Contacts.Ids().Where(id => (int)fake.Contacts.Value(id, Names.Standard.StateCode)! == 0).ToList();
        var activeAccounts = fake.Accounts.Ids().Where(id => (int)fake.Accounts.Value(id, Names.Standard.StateCode)! == 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, environment.LogText.ToString());
            Assert.That(first.Contacts.Read, Is.EqualTo(activeContacts.Count));
            Assert.That(first.Contacts.Written, Is.EqualTo(activeContacts.Count));
            Assert.That(first.Accounts.Written, Is.EqualTo(activeAccounts.Count));
            Assert.That(activeContacts.Where(id => fake.Contacts.Writes(id) != 1), Is.Empty, "active contacts not written exactly once");
            Assert.That(fake.Contacts.Ids().Except(activeContacts).Where(id => fake.Contacts.Writes(id) != 0), Is.Empty, "inactive contacts written");
            Assert.That(second.Contacts.Changed + second.Accounts.Changed, Is.Zero);
            Assert.That(fake.Contacts.TotalWrites + fake.Accounts.TotalWrites, Is.EqualTo(writesAfterFirst));
            Assert.That(fake.Journal.Entries.Where(e => e.Method != "GET"), Is.Empty, "the rerun sent a write");
        });
    }
}
