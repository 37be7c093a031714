import { describe, expect, it } from "vitest";
import { constantsDocument } from "../../src/shared/constantsDocument";
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

// Labels exactly as dataverse-schema.md lists them, in order (value = 415700000 + position).
const SCHEMA_CHOICES: [string, string[]][] = [
    ["rel_relationshipstatus", ["No", "Yes"]],
    ["rel_organizationalpower", ["Low", "High"]],
    ["rel_perception", ["Detractor", "Advocate"]],
    ["rel_activitylevel", ["Passive", "Active"]],
    [
        "rel_recommendedaction",
        [
            "Low risk, move on",
            "Moderate risk, monitor perception",
            "Moderate risk, improve perception",
            "High risk, improve perception",
            "Low potential, activate",
            "Low potential, make a hero",
            "Med potential, activate",
            "Med potential, develop relationship",
            "Med potential, make a hero",
            "High potential, find a sponsor",
            "High potential, leverage",
        ],
    ],
    ["rel_relationshiplevel", ["Transactional", "Service", "Partner", "Advisor", "Inner Circle"]],
    [
        "rel_relationshipbehaviour",
        ["Buys from us", "Relies on our support", "Collaborates with us closely", "Consults us before decisions", "Values us across their business"],
    ],
    ["rel_riskbehaviour", ["Criticism", "Contempt", "Defensiveness", "Stonewalling"]],
    ["rel_expectationalignment", ["Aligned", "Overestimated", "Underestimated"]],
    ["rel_feedbackcadence", ["Quarterly", "Half-yearly", "Yearly"]],
    ["rel_direction", ["Coming together", "Steady", "Coming apart"]],
];

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

describe("choices", () => {
    it.each(SCHEMA_CHOICES)("%s has the schema's labels with values 415700000 + n", (name, labels) => {
        const choice = Object.values(Choices).find((c) => c.name === name);

        expect(choice?.options.map((o) => [o.label, o.value])).toEqual(labels.map((label, n) => [label, 415700000 + n]));
    });

    it("covers every global choice of the schema and no other", () => {
        expect(Object.values(Choices).map((c) => c.name).sort()).toEqual(SCHEMA_CHOICES.map(([name]) => name).sort());
    });

    it("marks only the two behaviour choices as multi-select", () => {
        expect(Object.values(Choices).filter((c) => c.multiSelect).map((c) => c.name)).toEqual(["rel_relationshipbehaviour", "rel_riskbehaviour"]);
    });

    it("spells High risk, improve perception as 415700003 everywhere", () => {
        expect(OPTION_VALUE_BASE).toBe(415700000);
        expect(RecommendedAction.HighRiskImprovePerception).toBe(415700003);
        expect(labelOf(Choices.recommendedAction, 415700003)).toBe("High risk, improve perception");
    });

    it("gives no label for a value outside the choice or an empty value", () => {
        expect(labelOf(Choices.perception, 415700002)).toBeUndefined();
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
        expect(urgencyRank(415700011)).toBeUndefined();
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
    it("lists the nine contact inputs and the twelve computed columns of the schema plus the urgency sort key", () => {
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
        ]);
    });

    it("lists the three account inputs and the fourteen computed columns of the schema plus the urgency sort key", () => {
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
            ].sort(),
        );
    });

    it("names a lookup's Web API value property", () => {
        expect(lookupValueProperty("rel_keycontactid")).toBe("_rel_keycontactid_value");
    });
});

describe("constants export for the C# drift test", () => {
    it("survives JSON and carries the choices, columns, action order and Custom API", () => {
        const doc = JSON.parse(JSON.stringify(constantsDocument())) as {
            choices: { name: string; options: { label: string; value: number }[] }[];
            columnChoices: Record<string, string>;
            tables: { contact: { inputs: string[]; computed: string[] }; account: { computed: string[] } };
            recommendedActions: { byUrgency: number[]; risk: number[]; potential: number[] };
            customApi: { name: string; requestParameters: { name: string; type: string }[]; responseProperties: { name: string; type: string }[] };
            webResources: Record<string, string>;
        };

        expect(doc.choices).toHaveLength(11);
        expect(doc.columnChoices["rel_customerviewlevel"]).toBe("rel_relationshiplevel");
        expect(doc.tables.contact.inputs).toHaveLength(9);
        expect(doc.tables.account.computed).toContain("rel_keycontactid");
        expect(doc.recommendedActions.byUrgency).toEqual(URGENCY_LABELS.map(actionValue));
        expect(doc.recommendedActions.risk).toEqual([415700003, 415700002, 415700001]);
        expect(doc.recommendedActions.potential).toEqual([415700010, 415700009, 415700007, 415700006, 415700008]);
        expect(doc.customApi.name).toBe("rel_PreviewRelationshipAssessment");
        expect(doc.customApi.requestParameters.map((p) => `${p.name}:${p.type}`)).toEqual([
            "Relationship:Integer",
            "OrganizationalPower:Integer",
            "Perception:Integer",
            "ActivityLevel:Integer",
            "CustomerViewLevel:Integer",
            "FeedbackCadence:Integer",
            "ObservedBehaviours:String",
            "RiskBehaviours:String",
            "CustomerViewDate:DateTime",
        ]);
        expect(doc.customApi.responseProperties.map((p) => `${p.name}:${p.type}`)).toEqual([
            "RecommendedAction:Integer",
            "RelationshipLevel:Integer",
            "ExpectationGap:Integer",
            "ExpectationAlignment:Integer",
            "HealthScore:Integer",
            "Explanation:String",
        ]);
        expect(doc.webResources).toEqual({
            contactForm: "rel_/scripts/contactform.js",
            accountForm: "rel_/scripts/accountform.js",
            stakeholderMapPage: "rel_/html/stakeholdermap.html",
            stakeholderMapScript: "rel_/scripts/stakeholdermap.js",
        });
    });
});
