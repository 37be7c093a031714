/**
 * The hand-written layer over the constants generated from the solution source (./generated, written by
 * `crmrel generate`): which columns are inputs and which are computed, the preview API's parameters with the
 * columns they are read from, and helpers. No option value, label or solution name is spelled here.
 */
import { ACTION_RANKS } from "./generated/actionRanks";
import type { ActionRank, ActionTier } from "./generated/actionRanks";
import type { RecommendedAction } from "./generated/choices";
import { AccountColumns, ContactColumns, StandardColumns } from "./generated/columns";
import { PreviewRelationshipAssessmentApi } from "./generated/customApis";

export * from "./generated/choices";
export { ACTION_RANKS, ACTION_URGENCY_ORDER } from "./generated/actionRanks";
export type { ActionRank, ActionTier } from "./generated/actionRanks";
export { ACTION_COLOURS, MAP_QUADRANTS, NO_ACTION_COLOUR } from "./generated/stakeholderMap";
export type { ActionColour, ActionColourKey, MapQuadrant, MapQuadrantKey } from "./generated/stakeholderMap";
export { WebResourceControls, WebResourceNames } from "./generated/webResources";

export interface ChoiceOption<K extends string = string> {
    readonly key: K;
    readonly label: string;
    readonly value: number;
}

export interface Choice<K extends string = string> {
    /** Global choice (option set) logical name. */
    readonly name: string;
    readonly multiSelect: boolean;
    readonly options: readonly ChoiceOption<K>[];
}

export type RecommendedActionKey = keyof typeof RecommendedAction;

/** Label of an option value, or undefined when the value is not in the choice. */
export function labelOf(choice: Choice, value: number | null | undefined): string | undefined {
    if (value === null || value === undefined) {
        return undefined;
    }
    return choice.options.find((option) => option.value === value)?.label;
}

function rankOf(action: number | null | undefined): ActionRank | undefined {
    return ACTION_RANKS.find((rank) => rank.value === action);
}

/** 1 (most urgent) to 11, or undefined for an empty or unknown action. */
export function urgencyRank(action: number | null | undefined): number | undefined {
    return rankOf(action)?.urgency;
}

/** Risk, potential or neither (relationship-model.md §2), or undefined for an empty or unknown action. */
function tierOf(action: number | null | undefined): ActionTier | undefined {
    return rankOf(action)?.tier;
}

/** A risk action: "Moderate risk …" or "High risk …". */
export function isRiskAction(action: number | null | undefined): boolean {
    return tierOf(action) === "risk";
}

/** A potential action: "Med potential …" or "High potential …". */
export function isPotentialAction(action: number | null | undefined): boolean {
    return tierOf(action) === "potential";
}

/** statecode of an active record (contact and account). */
export const ACTIVE_STATE = 0;

/** Web API name of a lookup's id property, e.g. parentcustomerid → _parentcustomerid_value. */
export function lookupValueProperty(lookupLogicalName: string): string {
    return `_${lookupLogicalName}_value`;
}

export const Contact = {
    ...ContactColumns,
    contactId: StandardColumns.contactId,
    fullName: StandardColumns.fullName,
    parentCustomerId: StandardColumns.parentCustomerId,
    stateCode: StandardColumns.stateCode,
} as const;

/** The ten seller-editable inputs on a contact. */
export const CONTACT_INPUTS: readonly string[] = [
    Contact.relationship,
    Contact.organizationalPower,
    Contact.perception,
    Contact.activityLevel,
    Contact.observedBehaviours,
    Contact.riskBehaviours,
    Contact.customerViewLevel,
    Contact.customerViewDate,
    Contact.feedbackCadence,
    Contact.primaryNeed,
];

/** Columns only the plug-ins write; read-only on forms. In the order of LogicalNames.Computed.Contact. */
export const CONTACT_COMPUTED: readonly string[] = [
    Contact.recommendedAction,
    Contact.actionUrgency,
    Contact.relationshipLevel,
    Contact.previousLevel,
    Contact.levelChangedOn,
    Contact.direction,
    Contact.expectationGap,
    Contact.expectationGapScore,
    Contact.expectationAlignment,
    Contact.nextFeedbackDue,
    Contact.healthScore,
    Contact.scoreExplanation,
    Contact.scoredOn,
    Contact.nextStep,
];

export const Account = {
    ...AccountColumns,
    accountId: StandardColumns.accountId,
    name: StandardColumns.name,
} as const;

/** The account's own customer view: the same three columns as on a contact. */
export const ACCOUNT_INPUTS: readonly string[] = [Account.customerViewLevel, Account.customerViewDate, Account.feedbackCadence];

/** In the order of LogicalNames.Computed.Account. */
export const ACCOUNT_COMPUTED: readonly string[] = [
    Account.recommendedAction,
    Account.actionUrgency,
    Account.relationshipLevel,
    Account.expectationGap,
    Account.expectationGapScore,
    Account.expectationAlignment,
    Account.nextFeedbackDue,
    Account.healthScore,
    Account.scoreExplanation,
    Account.scoredOn,
    Account.assessedContacts,
    Account.riskContacts,
    Account.potentialContacts,
    Account.highPowerCoverage,
    Account.keyContactId,
    Account.nextStep,
    Account.previousKeyContactId,
    Account.keyContactChangedOn,
    Account.lastTouchpoint,
    Account.noticedContacts,
];

export type PreviewParameterType = "Integer" | "String" | "DateTime";

export interface PreviewParameter {
    readonly name: string;
    readonly type: PreviewParameterType;
    /** The contact column the value is read from. */
    readonly column: string;
}

const Parameters = PreviewRelationshipAssessmentApi.requestParameters;

function parameter(field: { readonly name: string; readonly type: PreviewParameterType }, column: string): PreviewParameter {
    return { name: field.name, type: field.type, column };
}

/** The unbound Custom API the contact form calls to preview an assessment before save. */
export const PreviewAssessmentApi = {
    name: PreviewRelationshipAssessmentApi.uniqueName,
    request: [
        parameter(Parameters.relationship, Contact.relationship),
        parameter(Parameters.organizationalPower, Contact.organizationalPower),
        parameter(Parameters.perception, Contact.perception),
        parameter(Parameters.activityLevel, Contact.activityLevel),
        parameter(Parameters.customerViewLevel, Contact.customerViewLevel),
        parameter(Parameters.feedbackCadence, Contact.feedbackCadence),
        parameter(Parameters.observedBehaviours, Contact.observedBehaviours),
        parameter(Parameters.riskBehaviours, Contact.riskBehaviours),
        parameter(Parameters.customerViewDate, Contact.customerViewDate),
        parameter(Parameters.primaryNeed, Contact.primaryNeed),
    ] as readonly PreviewParameter[],
    response: PreviewRelationshipAssessmentApi.responseProperties,
} as const;
