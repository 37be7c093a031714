import { normalizeGuid } from "../shared/guid";
import type { AccountSummary, StakeholderMapXrm } from "../shared/handoff";
import { asRecord, integerOrNull } from "../shared/records";
import { ACTIVE_STATE, Account, Contact, lookupValueProperty } from "../shared/schema";

/** One active contact of the account, as the map needs it. null = not recorded. */
export interface StakeholderContact {
    readonly id: string;
    readonly name: string;
    readonly power: number | null;
    readonly perception: number | null;
    readonly relationship: number | null;
    readonly action: number | null;
    readonly level: number | null;
    /** rel_engagement: Noticed, Not yet noticed, or null without touchpoints (relationship-model.md §9). */
    readonly engagement: number | null;
}

export interface MapData {
    readonly contacts: readonly StakeholderContact[];
    readonly account: AccountSummary;
    /** True when the account has more active contacts than one page returns. */
    readonly truncated: boolean;
}

export const CONTACT_SELECT: readonly string[] = [
    Contact.contactId,
    Contact.fullName,
    Contact.organizationalPower,
    Contact.perception,
    Contact.relationship,
    Contact.recommendedAction,
    Contact.relationshipLevel,
    Contact.engagement,
];

const KEY_CONTACT_VALUE = lookupValueProperty(Account.keyContactId);
const FORMATTED_VALUE = "@OData.Community.Display.V1.FormattedValue";

export const ACCOUNT_SELECT: readonly string[] = [
    Account.relationshipLevel,
    Account.healthScore,
    Account.expectationGap,
    Account.expectationAlignment,
    Account.highPowerCoverage,
    KEY_CONTACT_VALUE,
];

/** The single retrieveMultipleRecords query: the account's active contacts, only the columns drawn. */
export function contactsQuery(accountId: string): string {
    const filter = `${lookupValueProperty(Contact.parentCustomerId)} eq ${accountId} and ${Contact.stateCode} eq ${ACTIVE_STATE}`;
    return `?$select=${CONTACT_SELECT.join(",")}&$filter=${filter}`;
}

export function accountQuery(): string {
    return `?$select=${ACCOUNT_SELECT.join(",")}`;
}

/** A Web API contact record → a map contact; null when it has no usable id. */
export function contactFromRecord(value: unknown): StakeholderContact | null {
    const record = asRecord(value);
    const id = normalizeGuid(record[Contact.contactId]);
    if (id === null) {
        return null;
    }
    const name = record[Contact.fullName];
    return {
        id,
        name: typeof name === "string" && name.trim() !== "" ? name.trim() : "(no name)",
        power: integerOrNull(record[Contact.organizationalPower]),
        perception: integerOrNull(record[Contact.perception]),
        relationship: integerOrNull(record[Contact.relationship]),
        action: integerOrNull(record[Contact.recommendedAction]),
        level: integerOrNull(record[Contact.relationshipLevel]),
        engagement: integerOrNull(record[Contact.engagement]),
    };
}

/** A Web API account record → the summary the map shows. */
export function accountSummaryFromRecord(value: unknown): AccountSummary {
    const record = asRecord(value);
    const keyName = record[KEY_CONTACT_VALUE + FORMATTED_VALUE];
    return {
        relationshipLevel: integerOrNull(record[Account.relationshipLevel]),
        healthScore: integerOrNull(record[Account.healthScore]),
        expectationGap: integerOrNull(record[Account.expectationGap]),
        expectationAlignment: integerOrNull(record[Account.expectationAlignment]),
        highPowerCoverage: integerOrNull(record[Account.highPowerCoverage]),
        keyContactId: normalizeGuid(record[KEY_CONTACT_VALUE]),
        keyContactName: typeof keyName === "string" ? keyName : null,
    };
}

/**
 * Loads what the map draws: one retrieveMultipleRecords for the contacts, plus one retrieveRecord
 * for the account only when the form did not pass the account's values.
 */
export async function loadMapData(xrm: StakeholderMapXrm, accountId: string, account?: AccountSummary): Promise<MapData> {
    const contactsCall = xrm.WebApi.retrieveMultipleRecords(Contact.entityName, contactsQuery(accountId));
    const accountCall =
        account ?? xrm.WebApi.retrieveRecord(Account.entityName, accountId, accountQuery()).then(accountSummaryFromRecord);
    const [result, summary] = await Promise.all([contactsCall, accountCall]);
    const contacts = result.entities.map(contactFromRecord).filter((c): c is StakeholderContact => c !== null);
    return { contacts, account: summary, truncated: typeof result.nextLink === "string" && result.nextLink !== "" };
}
