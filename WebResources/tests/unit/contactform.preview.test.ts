import { describe, expect, it } from "vitest";
import {
    createPreviewRequest,
    dateOnlyIso,
    parsePreviewResponse,
    previewNotice,
    previewParameters,
} from "../../src/contactform/preview";
import type { PreviewResult } from "../../src/contactform/preview";
import {
    ActivityLevel,
    Choices,
    ExpectationAlignment,
    FeedbackCadence,
    OPTION_VALUE_BASE,
    OrganizationalPower,
    Perception,
    RecommendedAction,
    RelationshipBehaviour,
    RelationshipLevel,
    RelationshipStatus,
    RiskBehaviour,
} from "../../src/shared/schema";
import { contactForm, formContext } from "./helpers/forms";

const EMPTY_RESULT: PreviewResult = {
    recommendedAction: null,
    relationshipLevel: null,
    expectationGap: null,
    expectationAlignment: null,
    healthScore: null,
    explanation: null,
    nextStep: null,
};

describe("previewParameters", () => {
    it("sends every filled input under its Custom API parameter name", () => {
        contactForm({
            relationship: RelationshipStatus.Yes,
            organizationalPower: OrganizationalPower.High,
            perception: Perception.Detractor,
            activityLevel: ActivityLevel.Active,
            observedBehaviours: [RelationshipBehaviour.BuysFromUs, RelationshipBehaviour.ReliesOnOurSupport],
            riskBehaviours: [RiskBehaviour.Contempt],
            customerViewLevel: RelationshipLevel.Partner,
            customerViewDate: new Date(2026, 2, 31),
            feedbackCadence: FeedbackCadence.HalfYearly,
        });

        expect(previewParameters(formContext())).toEqual({
            Relationship: RelationshipStatus.Yes,
            OrganizationalPower: OrganizationalPower.High,
            Perception: Perception.Detractor,
            ActivityLevel: ActivityLevel.Active,
            ObservedBehaviours: `${RelationshipBehaviour.BuysFromUs},${RelationshipBehaviour.ReliesOnOurSupport}`,
            RiskBehaviours: `${RiskBehaviour.Contempt}`,
            CustomerViewLevel: RelationshipLevel.Partner,
            CustomerViewDate: "2026-03-31T00:00:00Z",
            FeedbackCadence: FeedbackCadence.HalfYearly,
        });
    });

    it("leaves out empty inputs, including an empty multi-select", () => {
        contactForm({ perception: Perception.Advocate, observedBehaviours: [] });

        expect(previewParameters(formContext())).toEqual({ Perception: Perception.Advocate });
    });
});

describe("dateOnlyIso", () => {
    it("keeps the calendar date the user picked, whatever the time zone", () => {
        expect(dateOnlyIso(new Date(2026, 0, 1, 0, 0, 0))).toBe("2026-01-01T00:00:00Z");
        expect(dateOnlyIso(new Date(2026, 11, 31, 23, 59, 0))).toBe("2026-12-31T00:00:00Z");
    });
});

describe("createPreviewRequest", () => {
    it("describes an unbound action with primitive parameter types for the parameters it carries", () => {
        const request = createPreviewRequest({ Relationship: RelationshipStatus.Yes, RiskBehaviours: `${RiskBehaviour.Criticism}`, CustomerViewDate: "2026-01-01T00:00:00Z" });

        expect(request.getMetadata()).toEqual({
            boundParameter: null,
            operationName: "rel_PreviewRelationshipAssessment",
            operationType: 0,
            parameterTypes: {
                Relationship: { typeName: "Edm.Int32", structuralProperty: 1 },
                RiskBehaviours: { typeName: "Edm.String", structuralProperty: 1 },
                CustomerViewDate: { typeName: "Edm.DateTimeOffset", structuralProperty: 1 },
            },
        });
    });

    it("holds the parameters as own properties and getMetadata on the prototype", () => {
        const request = createPreviewRequest({ Perception: Perception.Detractor });

        expect(Object.keys(request)).toEqual(["Perception"]);
        expect(request["Perception"]).toBe(Perception.Detractor);
        expect(Object.prototype.hasOwnProperty.call(request, "getMetadata")).toBe(false);
    });

    it("sends no parameter types when no input is filled", () => {
        expect(createPreviewRequest({}).getMetadata().parameterTypes).toEqual({});
    });
});

describe("parsePreviewResponse", () => {
    it("reads every response property", () => {
        const result = parsePreviewResponse({
            RecommendedAction: RecommendedAction.HighRiskImprovePerception,
            RelationshipLevel: RelationshipLevel.Service,
            ExpectationGap: -2,
            ExpectationAlignment: ExpectationAlignment.Underestimated,
            HealthScore: 42,
            Explanation: "Why",
            NextStep: "Meet them. ",
        });

        expect(result).toEqual({
            recommendedAction: RecommendedAction.HighRiskImprovePerception,
            relationshipLevel: RelationshipLevel.Service,
            expectationGap: -2,
            expectationAlignment: ExpectationAlignment.Underestimated,
            healthScore: 42,
            explanation: "Why",
            nextStep: "Meet them.",
        });
    });

    it.each([null, undefined, "text", 7, {}])("reads %j as nothing computed", (body) => {
        expect(parsePreviewResponse(body)).toEqual(EMPTY_RESULT);
    });

    it("drops an action outside the choice, non-integers and blank text", () => {
        const result = parsePreviewResponse({ RecommendedAction: OPTION_VALUE_BASE + Choices.recommendedAction.options.length, HealthScore: 4.5, ExpectationGap: "1", Explanation: "  " });

        expect(result).toEqual(EMPTY_RESULT);
    });
});

describe("previewNotice", () => {
    const risk: readonly number[] = [RecommendedAction.HighRiskImprovePerception, RecommendedAction.ModerateRiskImprovePerception, RecommendedAction.ModerateRiskMonitorPerception];

    it.each(Choices.recommendedAction.options.map((o) => [o.label, o.value] as const))("%s gets the right level", (label, value) => {
        const notice = previewNotice({ ...EMPTY_RESULT, recommendedAction: value });

        expect(notice?.level).toBe(risk.includes(value) ? "WARNING" : "INFO");
        expect(notice?.message).toContain(label);
    });

    it("puts the explanation on one line after the action", () => {
        const notice = previewNotice({
            ...EMPTY_RESULT,
            recommendedAction: RecommendedAction.HighPotentialLeverage,
            explanation: "Relationship Yes, power High.\r\n\nLevel: Partner.\n",
        });

        expect(notice).toEqual({
            level: "INFO",
            message: "Recommended action (preview, before save): High potential, leverage. Relationship Yes, power High. Level: Partner.",
        });
    });

    it("shows the next step right after the action, before the explanation", () => {
        const notice = previewNotice({
            ...EMPTY_RESULT,
            recommendedAction: RecommendedAction.HighPotentialLeverage,
            nextStep: "Put their support to work.",
            explanation: "Level: Partner.",
        });

        expect(notice?.message).toBe("Recommended action (preview, before save): High potential, leverage. Next step: Put their support to work. Level: Partner.");
    });

    it("has nothing to show when there is no action", () => {
        expect(previewNotice({ ...EMPTY_RESULT, explanation: "Perception is missing." })).toBeNull();
    });
});
