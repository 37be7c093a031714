using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// relationship-model.md §10 as data and one composition: the step of each action and of each human need,
/// and how a contact's next step (action step, need step, the regular-contact sentence) and an account's
/// (the key contact's, prefixed with their name) are put together, never longer than <see cref="MaxLength"/>.
/// Administrators override the steps through <see cref="ScoringSettings"/>.
/// </summary>
public static class NextSteps
{
    /// <summary>The length of the rel_nextstep columns.</summary>
    public const int MaxLength = 500;

    /// <summary>The longest action step an override may set.</summary>
    public const int MaxActionStepLength = 250;

    /// <summary>The longest need step an override may set.</summary>
    public const int MaxNeedStepLength = 150;

    /// <summary>Written third when the contact is not yet noticed (engagement, issue 14).</summary>
    public const string KeepInRegularContact = "Keep in regular contact: a call or a meeting counts more than an email.";

    private static readonly Dictionary<RecommendedAction, string> ActionDefaults = new()
    {
        [RecommendedAction.HighRiskImprovePerception] = "Meet them in person soon, ask what has gone wrong for them with our company, and agree one visible fix with a date. Bring someone senior if it is bigger than you.",
        [RecommendedAction.ModerateRiskImprovePerception] = "Find out what shapes their view of our company: ask for their input on a current decision and show them what changed because of it.",
        [RecommendedAction.ModerateRiskMonitorPerception] = "Watch what they say about us: answer each criticism with facts and check their view again at your next contact.",
        [RecommendedAction.HighPotentialLeverage] = "Put their support to work: ask them to introduce you to other decision makers or to speak for us in the next decision.",
        [RecommendedAction.HighPotentialFindASponsor] = "They are powerful and speak for us, but will not take your call: get an introduction through someone they trust and ask them to sponsor us.",
        [RecommendedAction.MedPotentialDevelopRelationship] = "They think well of us but do not know you: earn a first conversation by bringing something useful to them, then keep in regular contact.",
        [RecommendedAction.MedPotentialActivate] = "They like us and take your call but keep quiet: give them a reason to speak up, such as results they can present or a seat in a review.",
        [RecommendedAction.MedPotentialMakeAHero] = "They speak for us: make them look good with results and credit they can share with their leaders.",
        [RecommendedAction.LowPotentialMakeAHero] = "Keep them informed and thank them for their help; small wins they can share are enough.",
        [RecommendedAction.LowPotentialActivate] = "Little effort: add them to your regular updates and invite them to one event.",
        [RecommendedAction.LowRiskMoveOn] = "Spend your time elsewhere; stay courteous and keep them on your regular updates.",
    };

    private static readonly Dictionary<HumanNeed, string> NeedDefaults = new()
    {
        [HumanNeed.Certainty] = "They need certainty: give clear plans, dates and commitments, and no surprises.",
        [HumanNeed.Variety] = "They need variety: bring new ideas and options, not the same report.",
        [HumanNeed.Significance] = "They need significance: ask their opinion and credit their contribution in front of their peers.",
        [HumanNeed.Connection] = "They need connection: make time for a personal conversation, not only business.",
        [HumanNeed.Growth] = "They need growth: offer insight, learning and a view of what others like them do.",
        [HumanNeed.Contribution] = "They need contribution: show how the work helps their people and customers.",
    };

    /// <summary>The model's step for an action (the first table of §10).</summary>
    public static string DefaultFor(RecommendedAction action) =>
        ActionDefaults.TryGetValue(action, out var step) ? step : throw new ArgumentOutOfRangeException(nameof(action), action, "Not one of the eleven actions.");

    /// <summary>The model's step for a need (the second table of §10).</summary>
    public static string DefaultFor(HumanNeed need) =>
        NeedDefaults.TryGetValue(need, out var step) ? step : throw new ArgumentOutOfRangeException(nameof(need), need, "Not one of the six needs.");

    /// <summary>
    /// A contact's next step: <paramref name="actionStep"/>, then <paramref name="needStep"/> when there is one, then
    /// <see cref="KeepInRegularContact"/> when <paramref name="notYetNoticed"/>; null without an action step.
    /// </summary>
    public static string? Compose(string? actionStep, string? needStep, bool notYetNoticed)
    {
        if (string.IsNullOrEmpty(actionStep))
        {
            return null;
        }

        var text = actionStep!;
        if (!string.IsNullOrEmpty(needStep))
        {
            text += " " + needStep;
        }

        if (notYetNoticed)
        {
            text += " " + KeepInRegularContact;
        }

        return Limit(text);
    }

    /// <summary>
    /// An account's next step: the key contact's, prefixed with their name (as plain text, or "contact" and the id
    /// without one); null without a key contact or when the key contact has no next step.
    /// </summary>
    public static string? ForAccount(AccountContact? keyContact)
    {
        if (keyContact is null || string.IsNullOrEmpty(keyContact.NextStep))
        {
            return null;
        }

        var sink = new StringExplanationSink();
        var writer = new ExplanationWriter(sink);
        writer.Line(string.Empty);
        if (ExplanationWriter.HasPlainText(keyContact.Name))
        {
            writer.PlainText(keyContact.Name!);
        }
        else
        {
            writer.Text("contact ");
            writer.PlainText(keyContact.Id ?? string.Empty);
        }

        writer.End();
        return Limit(sink.ToString() + ": " + keyContact.NextStep);
    }

    /// <summary>
    /// <paramref name="text"/> when it fits in <see cref="MaxLength"/>; otherwise cut after its last whole word within
    /// <see cref="MaxLength"/> − 1 characters, followed by "…".
    /// </summary>
    public static string Limit(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = MaxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var space = text.LastIndexOf(' ', cut);
        if (space > 0)
        {
            cut = space;
        }

        return text.Substring(0, cut).TrimEnd() + "…";
    }
}
