import type { AccountSummary } from "../shared/handoff";
import {
    Choices,
    OrganizationalPower,
    Perception,
    RelationshipStatus,
    labelOf,
    urgencyRank,
} from "../shared/schema";
import type { RecommendedActionKey } from "../shared/schema";
import type { StakeholderContact } from "./data";

/** Pure layout of the stakeholder map: where each contact goes, in what order, in what colour, with what words. */

export type QuadrantKey = "blockers" | "champions" | "critics" | "supporters";

export interface Quadrant {
    readonly key: QuadrantKey;
    readonly title: string;
    readonly subtitle: string;
    readonly power: number;
    readonly perception: number;
}

/** In reading order of the grid: high power on top, detractors on the left. */
export const QUADRANTS: readonly Quadrant[] = [
    {
        key: "blockers",
        title: "Blockers",
        subtitle: "High power, detractor: win them over",
        power: OrganizationalPower.High,
        perception: Perception.Detractor,
    },
    {
        key: "champions",
        title: "Champions",
        subtitle: "High power, advocate: put them to work",
        power: OrganizationalPower.High,
        perception: Perception.Advocate,
    },
    {
        key: "critics",
        title: "Critics",
        subtitle: "Low power, detractor: keep an eye on them",
        power: OrganizationalPower.Low,
        perception: Perception.Detractor,
    },
    {
        key: "supporters",
        title: "Supporters",
        subtitle: "Low power, advocate: give them a voice",
        power: OrganizationalPower.Low,
        perception: Perception.Advocate,
    },
];

/** The quadrant for a contact's power and perception; undefined when either is missing. */
export function quadrantOf(contact: Pick<StakeholderContact, "power" | "perception">): QuadrantKey | undefined {
    return QUADRANTS.find((q) => q.power === contact.power && q.perception === contact.perception)?.key;
}

/** Most urgent action first (relationship-model.md §2), contacts with no action last, then by name. */
export function compareByUrgency(a: StakeholderContact, b: StakeholderContact): number {
    const rank = (c: StakeholderContact): number => urgencyRank(c.action) ?? Number.MAX_SAFE_INTEGER;
    return rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface Placement {
    readonly quadrants: Readonly<Record<QuadrantKey, readonly StakeholderContact[]>>;
    readonly unplaced: readonly StakeholderContact[];
}

export function placeContacts(contacts: readonly StakeholderContact[]): Placement {
    const quadrants: Record<QuadrantKey, StakeholderContact[]> = { blockers: [], champions: [], critics: [], supporters: [] };
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

export type Tier = "high-risk" | "moderate-risk" | "high-potential" | "med-potential" | "low-potential" | "move-on" | "none";

export interface TierStyle {
    readonly label: string;
    readonly background: string;
    readonly foreground: string;
}

/** Most urgent first; strong fills for the five most urgent actions, light fills for the rest. */
export const TIER_STYLES: Readonly<Record<Tier, TierStyle>> = {
    "high-risk": { label: "High risk", background: "#a4262c", foreground: "#ffffff" },
    "moderate-risk": { label: "Moderate risk", background: "#b04a00", foreground: "#ffffff" },
    "high-potential": { label: "High potential", background: "#0e700e", foreground: "#ffffff" },
    "med-potential": { label: "Med potential", background: "#dff6dd", foreground: "#0b5a0b" },
    "low-potential": { label: "Low potential", background: "#deecf9", foreground: "#004578" },
    "move-on": { label: "Low risk, move on", background: "#f3f2f1", foreground: "#323130" },
    none: { label: "No action yet", background: "#ffffff", foreground: "#323130" },
};

/** The colour of each action: every action is named, so a new action in the source fails the type check until it has one. */
const TIER_BY_ACTION: Readonly<Record<RecommendedActionKey, Tier>> = {
    HighRiskImprovePerception: "high-risk",
    ModerateRiskImprovePerception: "moderate-risk",
    ModerateRiskMonitorPerception: "moderate-risk",
    HighPotentialLeverage: "high-potential",
    HighPotentialFindASponsor: "high-potential",
    MedPotentialDevelopRelationship: "med-potential",
    MedPotentialActivate: "med-potential",
    MedPotentialMakeAHero: "med-potential",
    LowPotentialMakeAHero: "low-potential",
    LowPotentialActivate: "low-potential",
    LowRiskMoveOn: "move-on",
};

export function actionTier(action: number | null): Tier {
    const option = Choices.recommendedAction.options.find((o) => o.value === action);
    return option === undefined ? "none" : TIER_BY_ACTION[option.key];
}

export interface ChipView {
    readonly id: string;
    readonly name: string;
    /** Second line of the chip: action and level, in words. */
    readonly detail: string;
    readonly accessibleName: string;
    readonly tier: Tier;
    readonly isKey: boolean;
    readonly noRelationship: boolean;
}

export function chipView(contact: StakeholderContact, keyContactId: string | null): ChipView {
    const action = labelOf(Choices.recommendedAction, contact.action) ?? "No recommended action";
    const level = labelOf(Choices.relationshipLevel, contact.level);
    const levelText = level === undefined ? "level not set" : `level ${level}`;
    const noRelationship = contact.relationship === RelationshipStatus.No;
    const isKey = keyContactId !== null && contact.id === keyContactId;
    const parts = [contact.name, action, levelText];
    if (noRelationship) {
        parts.push("no relationship");
    }
    if (isKey) {
        parts.push("key contact");
    }
    return {
        id: contact.id,
        name: contact.name,
        detail: `${action} · ${level ?? "No level"}`,
        accessibleName: parts.join("; "),
        tier: actionTier(contact.action),
        isKey,
        noRelationship,
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
    readonly quadrant: Quadrant;
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
