import { describe, expect, it } from "vitest";
import {
    ACCOUNT_COMPUTED,
    ACCOUNT_INPUTS,
    ACTION_URGENCY_ORDER,
    CONTACT_COMPUTED,
    CONTACT_INPUTS,
    Choices,
    OPTION_VALUE_BASE,
    RecommendedAction,
    isPotentialAction,
    isRiskAction,
    labelOf,
    lookupValueProperty,
    urgencyRank,
} from "../../src/shared/schema";

// relationship-model.md §2, most urgent first.
const URGENCY_LABELS = [
    "High risk, improve perception",
    "Moderate risk, improve perception",
    "Moderate risk, monitor perception",
    "High potential, leverage",
    "High potential, find a sponsor",
    "Med potential, develop relationship",
    "Med potential, activate",
    "Med potential, make a hero",
    "Low potential, make a hero",
    "Low potential, activate",
    "Low risk, move on",
];

function actionValue(label: string): number {
    const option = Choices.recommendedAction.options.find((o) => o.label === label);
    if (option === undefined) {
        throw new Error(`no action labelled ${label}`);
    }
    return option.value;
}

describe("labelOf", () => {
    it("gives the label of an option value", () => {
        expect(labelOf(Choices.recommendedAction, RecommendedAction.HighRiskImprovePerception)).toBe("High risk, improve perception");
    });

    it("gives no label for a value outside the choice or an empty value", () => {
        expect(labelOf(Choices.perception, OPTION_VALUE_BASE + Choices.perception.options.length)).toBeUndefined();
        expect(labelOf(Choices.perception, null)).toBeUndefined();
    });
});

describe("recommended action ranking", () => {
    it.each(URGENCY_LABELS.map((label, i) => [label, i + 1] as const))("%s ranks %i", (label, rank) => {
        expect(urgencyRank(actionValue(label))).toBe(rank);
    });

    it("ranks each of the 11 actions exactly once", () => {
        expect(new Set(ACTION_URGENCY_ORDER).size).toBe(11);
        expect(ACTION_URGENCY_ORDER.map((key) => labelOf(Choices.recommendedAction, RecommendedAction[key]))).toEqual(URGENCY_LABELS);
    });

    it("has no rank for an empty or unknown action", () => {
        expect(urgencyRank(null)).toBeUndefined();
        expect(urgencyRank(OPTION_VALUE_BASE + Choices.recommendedAction.options.length)).toBeUndefined();
    });

    it.each([
        ["High risk, improve perception", true, false],
        ["Moderate risk, improve perception", true, false],
        ["Moderate risk, monitor perception", true, false],
        ["High potential, leverage", false, true],
        ["High potential, find a sponsor", false, true],
        ["Med potential, develop relationship", false, true],
        ["Med potential, activate", false, true],
        ["Med potential, make a hero", false, true],
        ["Low potential, make a hero", false, false],
        ["Low potential, activate", false, false],
        ["Low risk, move on", false, false],
    ])("%s: risk %s, potential %s", (label, risk, potential) => {
        expect(isRiskAction(actionValue(label))).toBe(risk);
        expect(isPotentialAction(actionValue(label))).toBe(potential);
    });

    it("classifies an empty action as neither risk nor potential", () => {
        expect(isRiskAction(null)).toBe(false);
        expect(isPotentialAction(null)).toBe(false);
    });
});

describe("columns", () => {
    it("lists the ten contact inputs and the thirteen computed columns of the schema plus the urgency sort key", () => {
        expect(CONTACT_INPUTS).toEqual([
            "rel_relationship",
            "rel_organizationalpower",
            "rel_perception",
            "rel_activitylevel",
            "rel_observedbehaviours",
            "rel_riskbehaviours",
            "rel_customerviewlevel",
            "rel_customerviewdate",
            "rel_feedbackcadence",
            "rel_primaryneed",
        ]);
        expect(CONTACT_COMPUTED).toEqual([
            "rel_recommendedaction",
            "rel_actionurgency",
            "rel_relationshiplevel",
            "rel_previouslevel",
            "rel_levelchangedon",
            "rel_direction",
            "rel_expectationgap",
            "rel_expectationgapscore",
            "rel_expectationalignment",
            "rel_nextfeedbackdue",
            "rel_healthscore",
            "rel_scoreexplanation",
            "rel_scoredon",
            "rel_nextstep",
        ]);
    });

    it("lists the three account inputs and the nineteen computed columns of the schema plus the urgency sort key", () => {
        expect(ACCOUNT_INPUTS).toEqual(["rel_customerviewlevel", "rel_customerviewdate", "rel_feedbackcadence"]);
        expect([...ACCOUNT_COMPUTED].sort()).toEqual(
            [
                "rel_recommendedaction",
                "rel_actionurgency",
                "rel_relationshiplevel",
                "rel_expectationgap",
                "rel_expectationgapscore",
                "rel_expectationalignment",
                "rel_nextfeedbackdue",
                "rel_healthscore",
                "rel_scoreexplanation",
                "rel_scoredon",
                "rel_assessedcontacts",
                "rel_riskcontacts",
                "rel_potentialcontacts",
                "rel_highpowercoverage",
                "rel_keycontactid",
                "rel_nextstep",
                "rel_previouskeycontactid",
                "rel_keycontactchangedon",
                "rel_lasttouchpoint",
                "rel_noticedcontacts",
            ].sort(),
        );
    });

    it("names a lookup's Web API value property", () => {
        expect(lookupValueProperty("rel_keycontactid")).toBe("_rel_keycontactid_value");
    });
});
