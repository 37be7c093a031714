import type { AccountSummary } from "../shared/handoff";
import { ACTION_COLOURS, Choices, Engagement, MAP_QUADRANTS, NO_ACTION_COLOUR, RelationshipStatus, labelOf, urgencyRank } from "../shared/schema";
import type { ActionColour, MapQuadrant, MapQuadrantKey } from "../shared/schema";
import type { StakeholderContact } from "./data";

/** Pure layout of the stakeholder map: where each contact goes, in what order, in what colour, with what words. */

/** The quadrants in the grid's reading order (high power on top, detractors on the left), named in the Scoring library. */
export const QUADRANTS: readonly MapQuadrant[] = MAP_QUADRANTS;

/** The quadrant for a contact's power and perception; undefined when either is missing. */
export function quadrantOf(contact: Pick<StakeholderContact, "power" | "perception">): MapQuadrantKey | undefined {
    return QUADRANTS.find((q) => q.power === contact.power && q.perception === contact.perception)?.key;
}

/** Most urgent action first (relationship-model.md §2), contacts with no action last, then by name. */
export function compareByUrgency(a: StakeholderContact, b: StakeholderContact): number {
    const rank = (c: StakeholderContact): number => urgencyRank(c.action) ?? Number.MAX_SAFE_INTEGER;
    return rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface Placement {
    readonly quadrants: Readonly<Record<MapQuadrantKey, readonly StakeholderContact[]>>;
    readonly unplaced: readonly StakeholderContact[];
}

export function placeContacts(contacts: readonly StakeholderContact[]): Placement {
    // MapQuadrantKey is generated from the keys of QUADRANTS, so the loop gives every key a list.
    const quadrants = {} as Record<MapQuadrantKey, StakeholderContact[]>;
    for (const quadrant of QUADRANTS) {
        quadrants[quadrant.key] = [];
    }
    const unplaced: StakeholderContact[] = [];
    for (const contact of [...contacts].sort(compareByUrgency)) {
        const key = quadrantOf(contact);
        if (key === undefined) {
            unplaced.push(contact);
        } else {
            quadrants[key].push(contact);
        }
    }
    return { quadrants, unplaced };
}

/** The chip colour of an action (ActionColours of the Scoring library); NO_ACTION_COLOUR for an empty or unknown one. */
export function actionColour(action: number | null): ActionColour {
    const key = Choices.recommendedAction.options.find((o) => o.value === action)?.key;
    return ACTION_COLOURS.find((colour) => key !== undefined && colour.actions.includes(key)) ?? NO_ACTION_COLOUR;
}

export interface ChipView {
    readonly id: string;
    readonly name: string;
    /** Second line of the chip: action and level, in words. */
    readonly detail: string;
    readonly accessibleName: string;
    readonly colour: ActionColour;
    readonly isKey: boolean;
    readonly noRelationship: boolean;
    /** Has touchpoints, but not yet enough to be noticed (relationship-model.md §9). */
    readonly notYetNoticed: boolean;
}

export function chipView(contact: StakeholderContact, keyContactId: string | null): ChipView {
    const action = labelOf(Choices.recommendedAction, contact.action) ?? "No recommended action";
    const level = labelOf(Choices.relationshipLevel, contact.level);
    const levelText = level === undefined ? "level not set" : `level ${level}`;
    const noRelationship = contact.relationship === RelationshipStatus.No;
    const isKey = keyContactId !== null && contact.id === keyContactId;
    const notYetNoticed = contact.engagement === Engagement.NotYetNoticed;
    const parts = [contact.name, action, levelText];
    if (noRelationship) {
        parts.push("no relationship");
    }
    if (notYetNoticed) {
        parts.push("not yet noticed");
    }
    if (isKey) {
        parts.push("key contact");
    }
    return {
        id: contact.id,
        name: contact.name,
        detail: `${action} · ${level ?? "No level"}`,
        accessibleName: parts.join("; "),
        colour: actionColour(contact.action),
        isKey,
        noRelationship,
        notYetNoticed,
    };
}

export interface SummaryItem {
    readonly label: string;
    readonly value: string;
}

function plural(n: number, one: string, many: string): string {
    return `${n} ${Math.abs(n) === 1 ? one : many}`;
}

export function gapText(gap: number | null, alignment: number | null): string {
    if (gap === null) {
        return "Not known";
    }
    const alignmentLabel =
        labelOf(Choices.expectationAlignment, alignment) ?? (gap > 0 ? "Overestimated" : gap < 0 ? "Underestimated" : "Aligned");
    const signed = gap > 0 ? `+${plural(gap, "level", "levels")}` : plural(gap, "level", "levels");
    return `${signed} (${alignmentLabel})`;
}

/** The account's values shown above the grid, in words a seller reads at a glance. */
export function summaryItems(account: AccountSummary, keyContactName: string | null): readonly SummaryItem[] {
    return [
        { label: "Relationship level", value: labelOf(Choices.relationshipLevel, account.relationshipLevel) ?? "Not assessed" },
        { label: "Health", value: account.healthScore === null ? "Not assessed" : `${account.healthScore} / 100` },
        { label: "Expectation gap", value: gapText(account.expectationGap, account.expectationAlignment) },
        {
            label: "High-power coverage",
            value: account.highPowerCoverage === null ? "No high-power contacts" : `${account.highPowerCoverage}%`,
        },
        { label: "Key contact", value: keyContactName ?? "None yet" },
    ];
}

export type EmptyState = "no-contacts" | "none-placed";

export interface QuadrantView {
    readonly quadrant: MapQuadrant;
    readonly chips: readonly ChipView[];
}

export interface MapView {
    readonly summary: readonly SummaryItem[];
    readonly countsText: string;
    readonly quadrants: readonly QuadrantView[];
    readonly unplaced: readonly ChipView[];
    readonly empty: EmptyState | null;
}

export function countsText(placed: number, unplaced: number, truncated: boolean): string {
    const total = placed + unplaced;
    const text = `${plural(total, "active contact", "active contacts")}: ${placed} placed, ${unplaced} not yet placed.`;
    return truncated ? `${text} Only the first page of contacts is shown.` : text;
}

/** Everything the page draws, decided without touching the page. */
export function buildMapView(contacts: readonly StakeholderContact[], account: AccountSummary, truncated: boolean): MapView {
    const placement = placeContacts(contacts);
    const keyId = account.keyContactId;
    const keyContactName = contacts.find((c) => c.id === keyId)?.name ?? account.keyContactName;
    const quadrants = QUADRANTS.map((quadrant) => ({
        quadrant,
        chips: placement.quadrants[quadrant.key].map((c) => chipView(c, keyId)),
    }));
    const placed = contacts.length - placement.unplaced.length;
    return {
        summary: summaryItems(account, keyContactName),
        countsText: countsText(placed, placement.unplaced.length, truncated),
        quadrants,
        unplaced: placement.unplaced.map((c) => chipView(c, keyId)),
        empty: contacts.length === 0 ? "no-contacts" : placed === 0 ? "none-placed" : null,
    };
}
