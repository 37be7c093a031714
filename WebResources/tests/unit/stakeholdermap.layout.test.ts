import { describe, expect, it } from "vitest";
import type { StakeholderContact } from "../../src/stakeholdermap/data";
import {
    QUADRANTS,
    actionColour,
    buildMapView,
    chipView,
    compareByUrgency,
    countsText,
    gapText,
    placeContacts,
    quadrantOf,
    summaryItems,
} from "../../src/stakeholdermap/layout";
import type { ChipView, MapView } from "../../src/stakeholdermap/layout";
import type { AccountSummary } from "../../src/shared/handoff";
import {
    ACTION_COLOURS,
    ACTION_URGENCY_ORDER,
    Choices,
    Engagement,
    ExpectationAlignment,
    MAP_QUADRANTS,
    NO_ACTION_COLOUR,
    OPTION_VALUE_BASE,
    OrganizationalPower as Power,
    Perception,
    RecommendedAction as Action,
    RelationshipLevel,
    RelationshipStatus,
} from "../../src/shared/schema";

let nextId = 0;

function contact(overrides: Partial<StakeholderContact> = {}): StakeholderContact {
    nextId += 1;
    return {
        id: `00000000-0000-4000-8000-${String(nextId).padStart(12, "0")}`,
        name: `Contact ${nextId}`,
        power: Power.High,
        perception: Perception.Advocate,
        relationship: RelationshipStatus.Yes,
        action: null,
        level: null,
        engagement: null,
        ...overrides,
    };
}

const NO_ACCOUNT_VALUES: AccountSummary = {
    relationshipLevel: null,
    healthScore: null,
    expectationGap: null,
    expectationAlignment: null,
    highPowerCoverage: null,
    keyContactId: null,
    keyContactName: null,
};

function allChips(view: MapView): ChipView[] {
    return view.quadrants.reduce<ChipView[]>((chips, q) => chips.concat(q.chips), []);
}

describe("quadrantOf", () => {
    it.each([
        [Power.High, Perception.Advocate, "champions"],
        [Power.High, Perception.Detractor, "blockers"],
        [Power.Low, Perception.Advocate, "supporters"],
        [Power.Low, Perception.Detractor, "critics"],
        [null, Perception.Advocate, undefined],
        [Power.High, null, undefined],
        [null, null, undefined],
        [OPTION_VALUE_BASE + Choices.organizationalPower.options.length, Perception.Advocate, undefined],
    ])("power %s, perception %s → %s", (power, perception, expected) => {
        expect(quadrantOf({ power, perception })).toBe(expected);
    });

    it("lays the grid out high power on top, detractors on the left", () => {
        expect(QUADRANTS.map((q) => [q.power, q.perception])).toEqual([
            [Power.High, Perception.Detractor],
            [Power.High, Perception.Advocate],
            [Power.Low, Perception.Detractor],
            [Power.Low, Perception.Advocate],
        ]);
        expect(QUADRANTS.map((q) => q.key)).toEqual(["blockers", "champions", "critics", "supporters"]);
    });
});

describe("compareByUrgency", () => {
    it("orders the 11 actions as relationship-model.md §2 ranks them, contacts with no action last", () => {
        const contacts = [...ACTION_URGENCY_ORDER].reverse().map((key) => contact({ action: Action[key], name: "Same" }));
        const none = contact({ action: null, name: "Aaron" });

        const sorted = [none, ...contacts].sort(compareByUrgency);

        expect(sorted.map((c) => c.action)).toEqual([...ACTION_URGENCY_ORDER.map((key) => Action[key]), null]);
    });

    it("breaks ties by name, ignoring case", () => {
        const b = contact({ name: "bea", action: Action.LowRiskMoveOn });
        const a = contact({ name: "Anna", action: Action.LowRiskMoveOn });

        expect([b, a].sort(compareByUrgency).map((c) => c.name)).toEqual(["Anna", "bea"]);
    });
});

describe("placeContacts", () => {
    it("puts each contact in its quadrant, most urgent first, and lists the rest as not yet placed", () => {
        const leverage = contact({ action: Action.HighPotentialLeverage });
        const sponsor = contact({ action: Action.HighPotentialFindASponsor });
        const blocker = contact({ power: Power.High, perception: Perception.Detractor, action: Action.HighRiskImprovePerception });
        const critic = contact({ power: Power.Low, perception: Perception.Detractor });
        const noPower = contact({ power: null });
        const noPerception = contact({ perception: null });

        const placement = placeContacts([sponsor, noPower, blocker, leverage, critic, noPerception]);

        expect(placement.quadrants.champions).toEqual([leverage, sponsor]);
        expect(placement.quadrants.blockers).toEqual([blocker]);
        expect(placement.quadrants.critics).toEqual([critic]);
        expect(placement.quadrants.supporters).toEqual([]);
        expect(placement.unplaced).toEqual([noPower, noPerception]);
    });
});

describe("actionColour", () => {
    it("colours every action as the table generated from the Scoring library lists it", () => {
        const wrong = ACTION_URGENCY_ORDER.filter((key) => !actionColour(Action[key]).actions.includes(key));

        expect(wrong).toEqual([]);
    });

    it.each([
        [null],
        [OPTION_VALUE_BASE + Choices.recommendedAction.options.length],
    ])("colours action %s as no action", (action) => {
        expect(actionColour(action)).toBe(NO_ACTION_COLOUR);
    });

    it("keeps colours in urgency order, so colour never contradicts rank", () => {
        const ranked = ACTION_URGENCY_ORDER.map((key) => ACTION_COLOURS.indexOf(actionColour(Action[key])));

        expect(ranked).toEqual([...ranked].sort((x, y) => x - y));
    });
});

describe("chipView", () => {
    it("names the contact, the action and the level for assistive technology", () => {
        const c = contact({ name: "Grace Hopper", action: Action.HighRiskImprovePerception, level: RelationshipLevel.Service });

        const view = chipView(c, null);

        expect(view.accessibleName).toBe("Grace Hopper; High risk, improve perception; level Service");
        expect(view.detail).toBe("High risk, improve perception · Service");
        expect(view.colour.actions).toContain("HighRiskImprovePerception");
        expect(view.isKey).toBe(false);
        expect(view.noRelationship).toBe(false);
    });

    it("marks no relationship and the key contact", () => {
        const c = contact({ name: "Alan", relationship: RelationshipStatus.No, action: Action.HighPotentialFindASponsor, level: RelationshipLevel.Transactional });

        const view = chipView(c, c.id);

        expect(view.accessibleName).toBe("Alan; High potential, find a sponsor; level Transactional; no relationship; key contact");
        expect(view.isKey).toBe(true);
        expect(view.noRelationship).toBe(true);
    });

    it.each([
        { engagement: Engagement.NotYetNoticed, marked: true },
        { engagement: Engagement.Noticed, marked: false },
        { engagement: null, marked: false },
    ])("marks a contact not yet noticed: $engagement", ({ engagement, marked }) => {
        const view = chipView(contact({ name: "Ada", action: Action.HighPotentialLeverage, level: RelationshipLevel.Partner, engagement }), null);

        expect(view.notYetNoticed).toBe(marked);
        expect(view.accessibleName.endsWith("; not yet noticed")).toBe(marked);
    });

    it("says so when there is no action or level", () => {
        const view = chipView(contact({ name: "New", relationship: null }), null);

        expect(view.accessibleName).toBe("New; No recommended action; level not set");
        expect(view.noRelationship).toBe(false);
    });
});

describe("summary", () => {
    it("shows the account's level, health, gap, coverage and key contact", () => {
        const items = summaryItems(
            { relationshipLevel: RelationshipLevel.Partner, healthScore: 64, expectationGap: 1, expectationAlignment: ExpectationAlignment.Overestimated, highPowerCoverage: 50, keyContactId: null, keyContactName: null },
            "Ada Lovelace",
        );

        expect(items).toEqual([
            { label: "Relationship level", value: "Partner" },
            { label: "Health", value: "64 / 100" },
            { label: "Expectation gap", value: "+1 level (Overestimated)" },
            { label: "High-power coverage", value: "50%" },
            { label: "Key contact", value: "Ada Lovelace" },
        ]);
    });

    it("says what is not known yet", () => {
        expect(summaryItems(NO_ACCOUNT_VALUES, null).map((i) => i.value)).toEqual([
            "Not assessed",
            "Not assessed",
            "Not known",
            "No high-power contacts",
            "None yet",
        ]);
    });

    it.each([
        [-2, ExpectationAlignment.Underestimated, "-2 levels (Underestimated)"],
        [0, ExpectationAlignment.Aligned, "0 levels (Aligned)"],
        [3, null, "+3 levels (Overestimated)"],
        [-1, null, "-1 level (Underestimated)"],
        [0, null, "0 levels (Aligned)"],
        [null, ExpectationAlignment.Aligned, "Not known"],
    ])("gap %s with alignment %s reads %s", (gap, alignment, text) => {
        expect(gapText(gap, alignment)).toBe(text);
    });

    it("counts placed and not yet placed contacts", () => {
        expect(countsText(1, 0, false)).toBe("1 active contact: 1 placed, 0 not yet placed.");
        expect(countsText(40, 10, true)).toBe("50 active contacts: 40 placed, 10 not yet placed. Only the first page of contacts is shown.");
    });
});

describe("buildMapView", () => {
    it("draws every placed contact once, in the grid's quadrant order, and marks the key contact", () => {
        const key = contact({ name: "Key", action: Action.HighRiskImprovePerception, power: Power.High, perception: Perception.Detractor });
        const others = [contact(), contact({ power: Power.Low }), contact({ perception: null })];

        const view = buildMapView([...others, key], { ...NO_ACCOUNT_VALUES, keyContactId: key.id }, false);

        expect(view.empty).toBeNull();
        expect(view.quadrants.map((q) => q.quadrant.name)).toEqual(MAP_QUADRANTS.map((q) => q.name));
        expect(view.quadrants.map((q) => [q.quadrant.key, q.chips.length])).toEqual([
            ["blockers", 1],
            ["champions", 1],
            ["critics", 0],
            ["supporters", 1],
        ]);
        expect(view.unplaced).toHaveLength(1);
        expect(view.quadrants[0]!.chips[0]!.isKey).toBe(true);
        expect(allChips(view).filter((c) => c.isKey)).toHaveLength(1);
        expect(view.summary.find((i) => i.label === "Key contact")?.value).toBe("Key");
    });

    it("falls back to the lookup's name when the key contact is not among the active contacts", () => {
        const view = buildMapView([contact()], { ...NO_ACCOUNT_VALUES, keyContactId: "99999999-9999-4999-8999-999999999999", keyContactName: "Former" }, false);

        expect(view.summary.find((i) => i.label === "Key contact")?.value).toBe("Former");
    });

    it("shows the no-contacts empty state for an account without contacts", () => {
        expect(buildMapView([], NO_ACCOUNT_VALUES, false).empty).toBe("no-contacts");
    });

    it("shows the none-placed empty state when no contact has power and perception", () => {
        const view = buildMapView([contact({ power: null }), contact({ perception: null })], NO_ACCOUNT_VALUES, false);

        expect(view.empty).toBe("none-placed");
        expect(view.unplaced).toHaveLength(2);
    });

    it("lays out 500 contacts with every one accounted for", () => {
        const many = Array.from({ length: 500 }, (_, i) =>
            contact({
                power: i % 5 === 0 ? null : i % 2 === 0 ? Power.High : Power.Low,
                perception: i % 3 === 0 ? Perception.Detractor : Perception.Advocate,
                action: ACTION_URGENCY_ORDER.map((k) => Action[k])[i % 11] ?? null,
            }),
        );

        const view = buildMapView(many, NO_ACCOUNT_VALUES, false);

        const placed = view.quadrants.reduce((n, q) => n + q.chips.length, 0);
        expect(placed + view.unplaced.length).toBe(500);
        expect(new Set([...allChips(view), ...view.unplaced].map((c) => c.id)).size).toBe(500);
    });
});
