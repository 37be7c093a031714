using System;
using System.Collections.Generic;

namespace CrmRelationship.Scoring;

/// <summary>
/// The administrator settings of relationship-model.md §8: matrix overrides, the weight of a
/// high-power contact, the health weights and the touchpoint settings. Immutable; parse once (plug-in constructor, scorer
/// start-up) with <see cref="Parse"/>, which refuses a setting that cannot be right and names its key.
/// </summary>
public sealed class ScoringSettings
{
    public const int DefaultHighPowerWeight = 3;
    public const int MaxWeight = 1000;

    private readonly RecommendedAction[] matrix;
    private readonly bool[] overridden;
    private readonly Dictionary<RecommendedAction, string> actionSteps;
    private readonly Dictionary<HumanNeed, string> needSteps;

    private ScoringSettings(
        RecommendedAction[] matrix,
        bool[] overridden,
        int highPowerWeight,
        HealthWeights healthWeights,
        Dictionary<RecommendedAction, string> actionSteps,
        Dictionary<HumanNeed, string> needSteps,
        TouchpointSettings touchpoints)
    {
        this.matrix = matrix;
        this.overridden = overridden;
        this.actionSteps = actionSteps;
        this.needSteps = needSteps;
        HighPowerWeight = highPowerWeight;
        HealthWeights = healthWeights;
        Touchpoints = touchpoints;
    }

    /// <summary>The model as written: default matrix, weight 3, health weights 40/30/20/10.</summary>
    public static ScoringSettings Default { get; } =
        new ScoringSettings(
            RelationshipMatrix.CopyDefaults(), new bool[RelationshipMatrix.RowCount], DefaultHighPowerWeight, HealthWeights.Default,
            new Dictionary<RecommendedAction, string>(), new Dictionary<HumanNeed, string>(), TouchpointSettings.Default);

    /// <summary>How much a High-power contact weighs in the account rollup (a Low or unknown one weighs 1).</summary>
    public int HighPowerWeight { get; }

    public HealthWeights HealthWeights { get; }

    /// <summary>Activity weights and the Touchpoints it takes to be noticed (relationship-model.md §8, §9).</summary>
    public TouchpointSettings Touchpoints { get; }

    /// <summary>The action of a matrix row after overrides.</summary>
    public RecommendedAction ActionFor(int rowIndex) => matrix[rowIndex];

    /// <summary>True when an administrator set this row to something other than the default.</summary>
    public bool IsOverridden(int rowIndex) => overridden[rowIndex];

    /// <summary>The step of an action after overrides (relationship-model.md §10).</summary>
    public string StepFor(RecommendedAction action) =>
        actionSteps.TryGetValue(action, out var step) ? step : NextSteps.DefaultFor(action);

    /// <summary>The step of a need after overrides (relationship-model.md §10).</summary>
    public string StepFor(HumanNeed need) =>
        needSteps.TryGetValue(need, out var step) ? step : NextSteps.DefaultFor(need);

    /// <summary>
    /// A contact's next step (relationship-model.md §10): the action's step, then the need's, then the
    /// regular-contact sentence when <paramref name="notYetNoticed"/>; null without an action.
    /// </summary>
    /// <param name="action">The recommended action, or null.</param>
    /// <param name="need">What they need most, or null.</param>
    /// <param name="notYetNoticed">True when the contact's engagement is "not yet noticed"; false (no sentence) while engagement is not known.</param>
    public string? NextStep(RecommendedAction? action, HumanNeed? need, bool notYetNoticed = false) =>
        action is { } a ? NextSteps.Compose(StepFor(a), need is { } n ? StepFor(n) : null, notYetNoticed) : null;

    /// <summary>
    /// Reads the settings JSON. Null, empty or whitespace gives <see cref="Default"/>.
    /// Throws <see cref="ScoringSettingsException"/> naming the key of the first setting that cannot be right.
    /// </summary>
    public static ScoringSettings Parse(string? json)
    {
        if (json is null || json.Trim().Length == 0)
        {
            return Default;
        }

        var root = MiniJson.Parse(json);
        if (root is not Dictionary<string, object?> settings)
        {
            throw new ScoringSettingsException("settings", "must be a JSON object, for example {\"highPowerWeight\": 3}.");
        }

        var rows = RelationshipMatrix.CopyDefaults();
        var overridden = new bool[RelationshipMatrix.RowCount];
        var highPowerWeight = DefaultHighPowerWeight;
        var health = HealthWeights.Default;
        var actionSteps = new Dictionary<RecommendedAction, string>();
        var needSteps = new Dictionary<HumanNeed, string>();
        var touchpoints = TouchpointSettings.Default;

        foreach (var pair in settings)
        {
            switch (pair.Key)
            {
                case "matrix":
                    ReadMatrix(pair.Value, rows, overridden);
                    break;
                case "highPowerWeight":
                    highPowerWeight = ReadWeight("highPowerWeight", pair.Value, minimum: 1);
                    break;
                case "healthWeights":
                    health = ReadHealthWeights(pair.Value);
                    break;
                case "nextSteps":
                    ReadNextSteps(pair.Value, actionSteps, needSteps);
                    break;
                case "touchpoints":
                    touchpoints = TouchpointSettings.Read(pair.Value);
                    break;
                default:
                    throw new ScoringSettingsException(pair.Key, "is not a setting. The settings are matrix, highPowerWeight, healthWeights, nextSteps and touchpoints.");
            }
        }

        return new ScoringSettings(rows, overridden, highPowerWeight, health, actionSteps, needSteps, touchpoints);
    }

    private static void ReadNextSteps(object? value, Dictionary<RecommendedAction, string> actionSteps, Dictionary<HumanNeed, string> needSteps)
    {
        if (value is not Dictionary<string, object?> nextSteps)
        {
            throw new ScoringSettingsException("nextSteps", "must be an object such as {\"actions\": {\"Low risk, move on\": \"...\"}, \"needs\": {\"Growth\": \"...\"}}.");
        }

        foreach (var pair in nextSteps)
        {
            switch (pair.Key)
            {
                case "actions":
                    ReadSteps("nextSteps.actions", pair.Value, NextSteps.MaxActionStepLength, "one of the 11 actions", actionSteps);
                    break;
                case "needs":
                    ReadSteps("nextSteps.needs", pair.Value, NextSteps.MaxNeedStepLength, "one of the 6 needs", needSteps);
                    break;
                default:
                    throw new ScoringSettingsException("nextSteps." + pair.Key, "is not a setting. The next-step settings are actions and needs.");
            }
        }
    }

    private static void ReadSteps<TChoice>(string key, object? value, int maxLength, string what, Dictionary<TChoice, string> steps)
        where TChoice : struct, Enum
    {
        if (value is not Dictionary<string, object?> overrides)
        {
            throw new ScoringSettingsException(key, "must be an object whose keys are labels of " + what + ".");
        }

        foreach (var pair in overrides)
        {
            var itemKey = key + "." + pair.Key;
            if (!Labels.TryParse(pair.Key, out TChoice choice) || !string.Equals(pair.Key, pair.Key.Trim(), StringComparison.Ordinal))
            {
                throw new ScoringSettingsException(itemKey, "is not " + what + ": " + string.Join("; ", Labels.All<TChoice>()) + ".");
            }

            if (pair.Value is not string step || step.Trim().Length == 0 || step.Length > maxLength || HasControl(step))
            {
                throw new ScoringSettingsException(itemKey, "must be text of 1 to " + maxLength + " characters without line breaks.");
            }

            steps[choice] = step;
        }
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadMatrix(object? value, RecommendedAction[] rows, bool[] overridden)
    {
        if (value is not Dictionary<string, object?> matrix)
        {
            throw new ScoringSettingsException("matrix", "must be an object whose keys are rows such as \"No/High/Detractor/Active\".");
        }

        foreach (var pair in matrix)
        {
            var key = "matrix." + pair.Key;
            var row = FindRow(pair.Key);
            if (row < 0)
            {
                throw new ScoringSettingsException(key, "is not a matrix row. A row is Relationship/Organizational power/Perception/Activity level labels, for example \"No/High/Detractor/Active\".");
            }

            if (pair.Value is not string label || !Labels.TryParse(label, out RecommendedAction action))
            {
                throw new ScoringSettingsException(key, "must be one of the 11 actions: " + string.Join("; ", Labels.All<RecommendedAction>()) + ".");
            }

            rows[row] = action;
            overridden[row] = action != RelationshipMatrix.Defaults[row];
        }
    }

    private static int FindRow(string key)
    {
        for (var i = 0; i < RelationshipMatrix.RowCount; i++)
        {
            if (string.Equals(RelationshipMatrix.RowKey(i), key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static HealthWeights ReadHealthWeights(object? value)
    {
        if (value is not Dictionary<string, object?> weights)
        {
            throw new ScoringSettingsException("healthWeights", "must be an object such as {\"ladder\": 40, \"stance\": 30, \"alignment\": 20, \"risk\": 10}.");
        }

        var ladder = HealthWeights.Default.Ladder;
        var stance = HealthWeights.Default.Stance;
        var alignment = HealthWeights.Default.Alignment;
        var risk = HealthWeights.Default.Risk;
        foreach (var pair in weights)
        {
            var key = "healthWeights." + pair.Key;
            switch (pair.Key)
            {
                case "ladder": ladder = ReadWeight(key, pair.Value, minimum: 0); break;
                case "stance": stance = ReadWeight(key, pair.Value, minimum: 0); break;
                case "alignment": alignment = ReadWeight(key, pair.Value, minimum: 0); break;
                case "risk": risk = ReadWeight(key, pair.Value, minimum: 0); break;
                default:
                    throw new ScoringSettingsException(key, "is not a health part. The parts are ladder, stance, alignment and risk.");
            }
        }

        // Health needs two of ladder, stance and alignment, and alignment needs a level, so a scored
        // contact has ladder + stance or ladder + alignment. Each of those must carry some weight.
        if (risk == 0 && (ladder + stance == 0 || ladder + alignment == 0))
        {
            throw new ScoringSettingsException("healthWeights", "cannot give 0 to both ladder and stance, or to both ladder and alignment, while risk is 0: some contacts would have no weighted part.");
        }

        return new HealthWeights(ladder, stance, alignment, risk);
    }

    private static int ReadWeight(string key, object? value, int minimum)
    {
        if (value is not double number || number != Math.Floor(number) || number < minimum || number > MaxWeight)
        {
            throw new ScoringSettingsException(key, "must be a whole number from " + minimum + " to " + MaxWeight + ".");
        }

        return (int)number;
    }
}

/// <summary>The weights of the four health parts (relationship-model.md §5).</summary>
public sealed class HealthWeights
{
    public HealthWeights(int ladder, int stance, int alignment, int risk)
    {
        Ladder = ladder;
        Stance = stance;
        Alignment = alignment;
        Risk = risk;
    }

    public static HealthWeights Default { get; } = new HealthWeights(40, 30, 20, 10);

    public int Ladder { get; }

    public int Stance { get; }

    public int Alignment { get; }

    public int Risk { get; }
}

/// <summary>A setting that cannot be right. <see cref="Key"/> names it; the message says what is allowed.</summary>
public sealed class ScoringSettingsException : Exception
{
    public ScoringSettingsException(string key, string reason)
        : base("Setting '" + key + "' " + reason)
    {
        Key = key;
    }

    public ScoringSettingsException()
    {
        Key = string.Empty;
    }

    public ScoringSettingsException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public ScoringSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public string Key { get; }
}
