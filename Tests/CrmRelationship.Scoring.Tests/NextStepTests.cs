using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using NUnit.Framework;

namespace CrmRelationship.Scoring.Tests;

/// <summary>
/// relationship-model.md §10: the next step of every action × need (and no need), read from the model page's
/// tables so that the library is checked against the document; the overrides and their refusals; the
/// 500-character limit; the account's next step; key contact changes.
/// </summary>
[TestFixture]
public sealed class NextStepTests
{
    private static readonly Lazy<(Dictionary<string, string> Actions, Dictionary<string, string> Needs)> Page = new(ReadPage);

    private static Dictionary<string, string> ActionSteps => Page.Value.Actions;

    private static Dictionary<string, string> NeedSteps => Page.Value.Needs;

    public static IEnumerable<TestCaseData> EveryActionAndNeed()
    {
        var (actions, needs) = ReadPage();
        foreach (var action in actions.Keys)
        {
            yield return new TestCaseData(action, null).SetArgDisplayNames(action, "no need");
            foreach (var need in needs.Keys)
            {
                yield return new TestCaseData(action, need).SetArgDisplayNames(action, need);
            }
        }
    }

    [Test]
    public void ModelPage_StepTables_NameEveryActionAndEveryNeed()
    {
        Assert.That(ActionSteps.Keys, Is.EquivalentTo(Labels.All<RecommendedAction>()));
        Assert.That(NeedSteps.Keys, Is.EquivalentTo(Labels.All<HumanNeed>()));
    }

    [TestCaseSource(nameof(EveryActionAndNeed))]
    public void Contact_ActionAndNeed_NextStepIsTheActionsStepThenTheNeeds(string action, string? need)
    {
        // Arrange: a matrix row that gives the action.
        var row = Model.Matrix.First(r => r.Value == action).Key.Split('/');
        var inputs = Build.Contact(Parse<RelationshipStatus>(row[0]), Parse<OrganizationalPower>(row[1]), Parse<Perception>(row[2]), Parse<ActivityLevel>(row[3]));
        inputs = With(inputs, need is null ? null : Parse<HumanNeed>(need));

        // Act
        var score = Build.Score(inputs);

        // Assert
        Assert.That(score.NextStep, Is.EqualTo(need is null ? ActionSteps[action] : ActionSteps[action] + " " + NeedSteps[need]));
    }

    [TestCase(null)]
    [TestCase("Certainty")]
    [TestCase("Contribution")]
    public void Contact_NoAction_HasNoNextStepWhateverTheNeed(string? need)
    {
        var score = Build.Score(With(Build.Contact(RelationshipStatus.Yes, OrganizationalPower.High, Perception.Advocate), need is null ? null : Parse<HumanNeed>(need)));

        Assert.That(score.NextStep, Is.Null);
    }

    [Test]
    public void NotYetNoticed_AddsTheRegularContactSentenceLast_AndAbsentAddsNothing()
    {
        var settings = ScoringSettings.Default;

        var noticed = settings.NextStep(RecommendedAction.LowRiskMoveOn, HumanNeed.Variety);
        var notNoticed = settings.NextStep(RecommendedAction.LowRiskMoveOn, HumanNeed.Variety, notYetNoticed: true);

        Assert.That(noticed, Is.EqualTo(ActionSteps["Low risk, move on"] + " " + NeedSteps["Variety"]));
        Assert.That(notNoticed, Is.EqualTo(noticed + " Keep in regular contact: a call or a meeting counts more than an email."));
    }

    [Test]
    public void Overrides_ReplaceTheirStepsAndOthersKeepTheModels()
    {
        var settings = ScoringSettings.Parse("""
            { "nextSteps": {
                "actions": { "Low risk, move on": "Hand them to the inside sales team." },
                "needs": { "Growth": "They need growth: invite them to the customer advisory board." } } }
            """);

        Assert.That(settings.NextStep(RecommendedAction.LowRiskMoveOn, HumanNeed.Growth), Is.EqualTo("Hand them to the inside sales team. They need growth: invite them to the customer advisory board."));
        Assert.That(settings.NextStep(RecommendedAction.HighPotentialLeverage, HumanNeed.Variety), Is.EqualTo(ActionSteps["High potential, leverage"] + " " + NeedSteps["Variety"]));
    }

    [TestCase("{\"nextSteps\": []}", "nextSteps")]
    [TestCase("{\"nextSteps\": {\"people\": {}}}", "nextSteps.people")]
    [TestCase("{\"nextSteps\": {\"actions\": \"x\"}}", "nextSteps.actions")]
    [TestCase("{\"nextSteps\": {\"actions\": {\"High risk\": \"x\"}}}", "nextSteps.actions.High risk")]
    [TestCase("{\"nextSteps\": {\"actions\": {\"Growth\": \"x\"}}}", "nextSteps.actions.Growth")]
    [TestCase("{\"nextSteps\": {\"actions\": {\"Low risk, move on\": 3}}}", "nextSteps.actions.Low risk, move on")]
    [TestCase("{\"nextSteps\": {\"actions\": {\"Low risk, move on\": \"   \"}}}", "nextSteps.actions.Low risk, move on")]
    [TestCase("{\"nextSteps\": {\"needs\": {\"Growth\": \"two\\nlines\"}}}", "nextSteps.needs.Growth")]
    [TestCase("{\"nextSteps\": {\"needs\": {\"growth\": \"x\"}}}", "nextSteps.needs.growth")]
    [TestCase("{\"nextSteps\": {\"needs\": {\" Growth\": \"x\"}}}", "nextSteps.needs. Growth")]
    [TestCase("{\"nextSteps\": {\"needs\": {\"Low risk, move on\": \"x\"}}}", "nextSteps.needs.Low risk, move on")]
    public void Override_ThatCannotBeRight_IsRefusedNamingTheKey(string json, string key)
    {
        var refused = Assert.Throws<ScoringSettingsException>(() => ScoringSettings.Parse(json));

        Assert.That(refused!.Key, Is.EqualTo(key));
        Assert.That(refused.Message, Does.StartWith("Setting '" + key + "' "));
    }

    [TestCase("actions", "Low risk, move on", 250)]
    [TestCase("needs", "Growth", 150)]
    public void Override_LongestAllowed_IsTakenAndOneMoreIsRefused(string group, string label, int longest)
    {
        string Json(int length) => "{\"nextSteps\": {\"" + group + "\": {\"" + label + "\": \"" + new string('a', length) + "\"}}}";

        Assert.That(() => ScoringSettings.Parse(Json(longest)), Throws.Nothing);
        Assert.That(() => ScoringSettings.Parse(Json(longest + 1)), Throws.TypeOf<ScoringSettingsException>().With.Property("Key").EqualTo("nextSteps." + group + "." + label));
    }

    [FsCheck.NUnit.Property]
    public bool NextStep_AnyAllowedOverridesAndAnyFlag_FitsWithoutBeingCut(NonEmptyString action, NonEmptyString need, byte actionShorter, byte needShorter, bool notYetNoticed)
    {
        // Arrange: overrides at or just under the longest the settings accept, where a cut would show.
        var actionStep = Stretch(action.Get, NextSteps.MaxActionStepLength - (actionShorter % 8));
        var needStep = Stretch(need.Get, NextSteps.MaxNeedStepLength - (needShorter % 8));
        ScoringSettings.Parse("{\"nextSteps\": {\"actions\": {\"Low risk, move on\": \"" + Json(actionStep) + "\"}, \"needs\": {\"Growth\": \"" + Json(needStep) + "\"}}}");

        // Act
        var composed = NextSteps.Compose(actionStep, needStep, notYetNoticed);

        // Assert: §10 "any composition fits": the whole composition, never cut, no "…".
        return composed == actionStep + " " + needStep + (notYetNoticed ? " " + NextSteps.KeepInRegularContact : string.Empty);
    }

    [FsCheck.NUnit.Property]
    public bool Limit_AnyText_IsAtMost500AndUnchangedWhenItFits(string text, byte words)
    {
        // Up to 255 more words of five characters, so that texts well past 500 characters are drawn too.
        text = (text ?? string.Empty) + string.Concat(Enumerable.Repeat("word ", words));

        var limited = NextSteps.Limit(text);

        return (limited.Length <= NextSteps.MaxLength && (text.Length > NextSteps.MaxLength || limited == text));
    }

    [FsCheck.NUnit.Property]
    public bool Account_AnyKeyContactName_NextStepIsAtMost500(string name, byte words)
    {
        // Names up to some 1,300 characters, so that the prefixed step runs past 500.
        name = (name ?? string.Empty) + string.Concat(Enumerable.Repeat("Name ", words));
        var key = Build.Member("c1", RecommendedAction.HighRiskImprovePerception, name: name);
        var contact = new AccountContact { Id = key.Id, Name = key.Name, RecommendedAction = key.RecommendedAction, NextStep = ActionSteps["High risk, improve perception"] + " " + NeedSteps["Significance"] };

        var step = Build.ScoreAccount(contact).NextStep;

        return (step is not null && step.Length <= NextSteps.MaxLength);
    }

    [Test]
    public void Account_NextStep_IsTheKeyContactsPrefixedWithTheirName()
    {
        var key = new AccountContact { Id = "c1", Name = "Corinne Favre", RecommendedAction = RecommendedAction.HighRiskImprovePerception, NextStep = ActionSteps["High risk, improve perception"] };
        var other = new AccountContact { Id = "c2", Name = "Beat Zimmermann", RecommendedAction = RecommendedAction.LowRiskMoveOn, NextStep = ActionSteps["Low risk, move on"] };
        var nameless = new AccountContact { Id = "c3", RecommendedAction = RecommendedAction.HighRiskImprovePerception, OrganizationalPower = OrganizationalPower.High, NextStep = "x" };

        Assert.That(Build.ScoreAccount(key, other).NextStep, Is.EqualTo("Corinne Favre: " + ActionSteps["High risk, improve perception"]));
        Assert.That(Build.ScoreAccount(nameless, key).NextStep, Is.EqualTo("contact c3: x"));
        Assert.That(Build.ScoreAccount(new AccountContact { Id = "c4" }).NextStep, Is.Null);
    }

    [Test]
    public void KeyContactLeft_IssueExample_ExplanationBeginsWithTheSentence()
    {
        var beat = new AccountContact { Id = "b", Name = "Beat Zimmermann", RecommendedAction = RecommendedAction.MedPotentialActivate };
        var history = new KeyContactHistory
        {
            StoredKeyContactId = "C",
            Departure = new ContactDeparture { Id = "c", Name = "Corinne Favre", Reason = DepartureReason.Deactivated },
        };
        var now = new DateTime(2026, 12, 3, 9, 15, 0, DateTimeKind.Utc);

        var score = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, new[] { beat }, now, history);

        Assert.That(score.Explanation.Split('\n')[0], Is.EqualTo("Corinne Favre, the key contact, left on 2026-12-03 (deactivated); Beat Zimmermann is now the key contact."));
        Assert.That((score.PreviousKeyContactId, score.KeyContactChangedOn), Is.EqualTo(("C", (DateTime?)now)));
    }

    [TestCase(null, "b", null, false, Description = "a first key contact is no change")]
    [TestCase("b", "b", null, false, Description = "the same key contact keeps the stored history")]
    [TestCase("B", "b", null, false, Description = "ids compare ignoring case")]
    [TestCase("a", "b", "a", true, Description = "another key contact")]
    [TestCase("a", null, "a", true, Description = "no key contact any more")]
    public void KeyContactChange_IsRecordedOnlyFromAStoredKeyContactToAnother(string? stored, string? now, string? previous, bool changed)
    {
        var contacts = now is null ? Array.Empty<AccountContact>() : new[] { new AccountContact { Id = now, RecommendedAction = RecommendedAction.LowRiskMoveOn } };
        var history = new KeyContactHistory { StoredKeyContactId = stored, PreviousKeyContactId = null, KeyContactChangedOn = null };

        var score = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, contacts, Build.Now, history);

        Assert.That((score.PreviousKeyContactId, score.KeyContactChangedOn), Is.EqualTo((previous, changed ? Build.Now : (DateTime?)null)));
        Assert.That(score.Explanation, Does.Not.Contain(" left on "), "nobody left");
    }

    [TestCase(RecommendedAction.HighRiskImprovePerception, true, Description = "ranks before Beat: it was the key contact")]
    [TestCase(RecommendedAction.LowRiskMoveOn, false, Description = "ranks after Beat: it was not")]
    [TestCase(null, false, Description = "not assessed: never a key contact")]
    public void KeyContactDeleted_LookupsAlreadyCleared_RankingTheDeletedContactDecides(RecommendedAction? deletedAction, bool wasKey)
    {
        // Arrange: Dataverse cleared the key contact and previous key contact lookups before the rollup (cascade RemoveLink).
        var beat = new AccountContact { Id = "b", Name = "Beat Zimmermann", RecommendedAction = RecommendedAction.MedPotentialActivate };
        var corinne = new AccountContact { Id = "c", Name = "Corinne Favre", RecommendedAction = deletedAction };
        var history = new KeyContactHistory
        {
            StoredKeyContactId = null,
            PreviousKeyContactId = null,
            Departure = new ContactDeparture { Id = "c", Name = "Corinne Favre", Reason = DepartureReason.Deleted, Contact = corinne },
        };

        // Act
        var score = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, new[] { beat }, Build.Now, history);

        // Assert: never a lookup to the deleted contact; the date and the sentence say what happened.
        Assert.That(score.PreviousKeyContactId, Is.Null);
        Assert.That(score.KeyContactChangedOn, Is.EqualTo(wasKey ? Build.Now : (DateTime?)null));
        Assert.That(score.Explanation.Split('\n')[0].StartsWith("Corinne Favre, the key contact, left on ", StringComparison.Ordinal), Is.EqualTo(wasKey));
    }

    [Test]
    public void KeyContactDeleted_LookupNotYetCleared_NoLookupToItIsKept()
    {
        var beat = new AccountContact { Id = "b", Name = "Beat Zimmermann", RecommendedAction = RecommendedAction.MedPotentialActivate };
        var history = new KeyContactHistory
        {
            StoredKeyContactId = "c",
            Departure = new ContactDeparture { Id = "c", Name = "Corinne Favre", Reason = DepartureReason.Deleted },
        };

        var score = RelationshipScorer.Default.ScoreAccount(AccountInputs.Empty, new[] { beat }, Build.Now, history);

        Assert.That((score.PreviousKeyContactId, score.KeyContactChangedOn), Is.EqualTo(((string?)null, (DateTime?)Build.Now)));
    }

    private static ContactInputs With(ContactInputs inputs, HumanNeed? need) => new()
    {
        Relationship = inputs.Relationship,
        OrganizationalPower = inputs.OrganizationalPower,
        Perception = inputs.Perception,
        ActivityLevel = inputs.ActivityLevel,
        PrimaryNeed = need,
    };

    /// <summary>Printable ASCII text of exactly <paramref name="length"/> characters, not only spaces, from any seed.</summary>
    private static string Stretch(string seed, int length)
    {
        var plain = new string(seed.Select(c => (char)(' ' + (c % 95))).ToArray());
        plain = plain.Trim().Length == 0 ? "x" + plain : plain;
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            text.Append(plain);
        }

        return "x" + text.ToString(0, length - 1);
    }

    private static string Json(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static T Parse<T>(string label)
        where T : struct, Enum => Labels.TryParse(label, out T value) ? value : throw new ArgumentException(label);

    /// <summary>The two step tables of docs/relationship-model.md §10, label → step.</summary>
    private static (Dictionary<string, string> Actions, Dictionary<string, string> Needs) ReadPage()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "relationship-model.md")))
        {
            dir = dir.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "docs", "relationship-model.md"));
        Dictionary<string, string> Table(string header) => lines
            .SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|', 2))
            .ToDictionary(c => c[0].Trim(), c => c[1].Trim(), StringComparer.Ordinal);
        return (Table("| Action | Next step |"), Table("| Need | Next step |"));
    }
}
