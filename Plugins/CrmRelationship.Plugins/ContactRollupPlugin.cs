using System;
using System.Collections.Generic;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Names = CrmRelationship.Scoring.LogicalNames;

namespace CrmRelationship.Plugins;

/// <summary>
/// Contact Create, Update and Delete, PostOperation, synchronous: rolls the change up to the
/// affected account(s) — the old and the new parent on a move, the parent on deactivation,
/// reactivation or deletion. The images carry the parent, the state and the values the rollup
/// uses, so a save that changes none of them makes no call at all; otherwise each affected account
/// costs one query page per 5,000 contacts, one Retrieve and at most one Update.
/// </summary>
public sealed class ContactRollupPlugin : IPlugin
{
    private const string Name = nameof(ContactRollupPlugin);
    private readonly StepSettings settings;

    public ContactRollupPlugin()
        : this(null, null)
    {
    }

    /// <param name="unsecureConfiguration">The administrator settings JSON (relationship-model.md §8), or empty.</param>
    /// <param name="secureConfiguration">Not used.</param>
    public ContactRollupPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        settings = new StepSettings(unsecureConfiguration);
    }

    public void Execute(IServiceProvider serviceProvider) => PluginCall.Run(serviceProvider, Name, Rollup);

    private void Rollup(PluginCall call)
    {
        if (!call.IsRegisteredAs(LogicalNames.Contact, Messages.PostOperation, Messages.Create, Messages.Update, Messages.Delete))
        {
            return;
        }

        var scorer = settings.Scorer;
        var before = call.IsMessage(Messages.Create) ? RolledUpContact.None : RolledUpContact.From(RequiredImage(call, call.PreImage, Messages.PreImage));
        var after = call.IsMessage(Messages.Delete) ? RolledUpContact.None : RolledUpContact.From(RequiredImage(call, call.PostImage, Messages.PostImage));

        if (before.AccountId == after.AccountId && before.SameValues(after))
        {
            call.Trace("Contact {0}: nothing the account rollup uses changed; no call made.", call.Context.PrimaryEntityId);
            return;
        }

        var accounts = new List<Guid>(2);
        if (before.AccountId is { } oldAccount) { accounts.Add(oldAccount); }
        if (after.AccountId is { } newAccount && !accounts.Contains(newAccount)) { accounts.Add(newAccount); }

        var now = DateTime.UtcNow;
        foreach (var accountId in accounts)
        {
            var departure = accountId == before.AccountId && after.AccountId != before.AccountId ? Departure(call, before, after) : null;
            Recalculate(call, scorer, accountId, departure, now);
        }
    }

    /// <summary>
    /// Why the contact leaves the account it was active in (relationship-model.md §10): deleted, deactivated (a
    /// change of state wins over a change of parent in the same save), moved to another account, or removed.
    /// </summary>
    private static ContactDeparture Departure(PluginCall call, RolledUpContact before, RolledUpContact after)
    {
        var reason = call.IsMessage(Messages.Delete) ? DepartureReason.Deleted
            : !after.IsActive ? DepartureReason.Deactivated
            : after.ParentAccountId is not null ? DepartureReason.MovedToAnotherAccount
            : DepartureReason.RemovedFromAccount;
        // The pre-image carries every rolled-up column: a deleted key contact is found by ranking it (§10); only a
        // delete needs it, since the lookup to a contact that stays is still there.
        var contact = reason == DepartureReason.Deleted && call.PreImage is { } image ? AccountColumns.ToAccountContact(image) : null;
        return new ContactDeparture { Id = call.Context.PrimaryEntityId.ToString("D"), Name = before.Name, Reason = reason, Contact = contact };
    }

    private static void Recalculate(PluginCall call, RelationshipScorer scorer, Guid accountId, ContactDeparture? departure, DateTime now)
    {
        var service = call.Service;
        var stored = service.Retrieve(Names.Account, accountId, new ColumnSet(AccountColumns.AccountColumnsToCompare));
        var contacts = AccountColumns.ActiveContacts(service, accountId);
        var storedValues = new ColumnValues(null, stored);
        var score = scorer.ScoreAccount(AccountColumns.Inputs(storedValues, now), contacts, now, AccountColumns.History(storedValues, departure));
        var changes = AccountColumns.Changes(score, stored, now);
        if (changes is null)
        {
            call.Trace("Account {0}: {1} active contacts, no value changed; not written.", accountId, contacts.Count);
            return;
        }

        service.Update(changes);
        call.Trace("Account {0}: {1} active contacts, {2} columns written.", accountId, contacts.Count, changes.Attributes.Count);
    }

    private static Entity RequiredImage(PluginCall call, Entity? image, string name) =>
        image ?? throw call.Misregistered("The contact rollup step for " + call.Context.MessageName + " has no image named " + name + ".");

    /// <summary>What the rollup sees of one side (before or after) of a contact change.</summary>
    private readonly struct RolledUpContact
    {
        private readonly object?[] values;

        private RolledUpContact(Guid? parentAccountId, bool isActive, string? name, object?[] values)
        {
            ParentAccountId = parentAccountId;
            IsActive = isActive;
            Name = name;
            this.values = values;
        }

        public static RolledUpContact None => new(null, false, null, Array.Empty<object?>());

        /// <summary>The parent account while the contact is active; null when it counts for no account.</summary>
        public Guid? AccountId => IsActive ? ParentAccountId : null;

        /// <summary>The parent customer when it is an account, whatever the contact's state.</summary>
        public Guid? ParentAccountId { get; }

        public bool IsActive { get; }

        /// <summary>The contact's full name, used only in the account's explanation.</summary>
        public string? Name { get; }

        public static RolledUpContact From(Entity image)
        {
            var parent = image.GetAttributeValue<EntityReference>(Names.Standard.ParentCustomerId);
            var state = image.GetAttributeValue<OptionSetValue>(Names.Standard.StateCode);
            var active = state is null || state.Value == Names.ActiveState;
            var parentAccountId = parent is not null && string.Equals(parent.LogicalName, Names.Account, StringComparison.Ordinal)
                ? parent.Id
                : (Guid?)null;
            var rolled = new object?[AccountColumns.RolledUpContactColumns.Length];
            for (var i = 0; i < rolled.Length; i++)
            {
                image.Attributes.TryGetValue(AccountColumns.RolledUpContactColumns[i], out rolled[i]);
            }

            return new RolledUpContact(parentAccountId, active, image.GetAttributeValue<string>(Names.Standard.FullName), rolled);
        }

        public bool SameValues(RolledUpContact other)
        {
            if (values.Length != other.values.Length)
            {
                return false;
            }

            for (var i = 0; i < values.Length; i++)
            {
                if (!ScoreValues.Same(values[i], other.values[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
