using System;
using CrmRelationship.Scoring;
using Microsoft.Xrm.Sdk;

namespace CrmRelationship.Plugins;

/// <summary>
/// Account Create and Update, PreOperation, synchronous: computes all of the account's values from
/// its own inputs and its active contacts into the Target. Its Update filtering attributes are the
/// account inputs only, so the contact rollup's own writes never re-enter it.
/// </summary>
public sealed class AccountScoringPlugin : IPlugin
{
    private const string Name = nameof(AccountScoringPlugin);
    private readonly StepSettings settings;

    public AccountScoringPlugin()
        : this(null, null)
    {
    }

    /// <param name="unsecureConfiguration">The administrator settings JSON (relationship-model.md §8), or empty.</param>
    /// <param name="secureConfiguration">Not used.</param>
    public AccountScoringPlugin(string? unsecureConfiguration, string? secureConfiguration)
    {
        settings = new StepSettings(unsecureConfiguration);
    }

    public void Execute(IServiceProvider serviceProvider) => PluginCall.Run(serviceProvider, Name, Score);

    private void Score(PluginCall call)
    {
        var target = call.RegisteredTarget(LogicalNames.Account);
        if (target is null)
        {
            return;
        }

        var scorer = settings.Scorer;
        var now = DateTime.UtcNow;
        AccountScore score;
        if (call.IsMessage(Messages.Create))
        {
            // A new account has no contacts yet: no query.
            score = scorer.ScoreAccount(AccountColumns.Inputs(new ColumnValues(target, null), now), Array.Empty<AccountContact>(), now);
        }
        else
        {
            var stored = call.PreImage ?? throw call.Misregistered("The account scoring step has no pre-image named PreImage.");
            var accountId = target.Id != Guid.Empty ? target.Id : call.Context.PrimaryEntityId;
            var inputs = AccountColumns.Inputs(new ColumnValues(target, stored), now);
            var contacts = AccountColumns.ActiveContacts(call.Service, accountId);
            score = scorer.ScoreAccount(inputs, contacts, now, AccountColumns.History(new ColumnValues(null, stored), null));
            call.Trace("Scored account {0} from {1} active contacts.", accountId, contacts.Count);
        }

        AccountColumns.Write(score, now, target);
    }
}
