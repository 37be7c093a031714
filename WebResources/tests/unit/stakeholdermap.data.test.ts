import { describe, expect, it, vi } from "vitest";
import type { AccountSummary, StakeholderMapXrm } from "../../src/shared/handoff";
import { normalizeGuid } from "../../src/shared/guid";
import {
    Engagement,
    ExpectationAlignment,
    OrganizationalPower,
    Perception,
    RecommendedAction,
    RelationshipLevel,
    RelationshipStatus,
} from "../../src/shared/schema";
import { accountQuery, accountSummaryFromRecord, contactFromRecord, contactsQuery, loadMapData } from "../../src/stakeholdermap/data";

const ACCOUNT = "0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9";
const SUMMARY: AccountSummary = {
    relationshipLevel: RelationshipLevel.Partner,
    healthScore: 70,
    expectationGap: 0,
    expectationAlignment: ExpectationAlignment.Aligned,
    highPowerCoverage: 100,
    keyContactId: null,
    keyContactName: null,
};

function fakeXrm(entities: unknown[], nextLink?: string) {
    const retrieveMultipleRecords = vi.fn().mockResolvedValue({ entities, nextLink });
    const retrieveRecord = vi.fn().mockResolvedValue({ rel_relationshiplevel: RelationshipLevel.Service, _rel_keycontactid_value: "AAAAAAAA-0000-4000-8000-000000000001" });
    const xrm = { WebApi: { retrieveMultipleRecords, retrieveRecord }, Navigation: {} } as unknown as StakeholderMapXrm;
    return { xrm, retrieveMultipleRecords, retrieveRecord };
}

describe("queries", () => {
    it("selects only the drawn columns of the account's active contacts", () => {
        expect(contactsQuery(ACCOUNT)).toBe(
            "?$select=contactid,fullname,rel_organizationalpower,rel_perception,rel_relationship,rel_recommendedaction,rel_relationshiplevel,rel_engagement" +
                `&$filter=_parentcustomerid_value eq ${ACCOUNT} and statecode eq 0`,
        );
    });

    it("selects the account's summary columns and key contact id", () => {
        expect(accountQuery()).toBe(
            "?$select=rel_relationshiplevel,rel_healthscore,rel_expectationgap,rel_expectationalignment,rel_highpowercoverage,_rel_keycontactid_value",
        );
    });
});

describe("loadMapData", () => {
    it("makes exactly one call when the form passed the account's values", async () => {
        const { xrm, retrieveMultipleRecords, retrieveRecord } = fakeXrm([{ contactid: "11111111-1111-4111-8111-111111111111", fullname: "A" }]);

        const data = await loadMapData(xrm, ACCOUNT, SUMMARY);

        expect(retrieveMultipleRecords).toHaveBeenCalledTimes(1);
        expect(retrieveMultipleRecords).toHaveBeenCalledWith("contact", contactsQuery(ACCOUNT));
        expect(retrieveRecord).not.toHaveBeenCalled();
        expect(data.account).toBe(SUMMARY);
        expect(data.contacts.map((c) => c.name)).toEqual(["A"]);
        expect(data.truncated).toBe(false);
    });

    it("retrieves the account once more when no values were passed", async () => {
        const { xrm, retrieveMultipleRecords, retrieveRecord } = fakeXrm([]);

        const data = await loadMapData(xrm, ACCOUNT);

        expect(retrieveMultipleRecords).toHaveBeenCalledTimes(1);
        expect(retrieveRecord).toHaveBeenCalledTimes(1);
        expect(retrieveRecord).toHaveBeenCalledWith("account", ACCOUNT, accountQuery());
        expect(data.account.relationshipLevel).toBe(RelationshipLevel.Service);
        expect(data.account.keyContactId).toBe("aaaaaaaa-0000-4000-8000-000000000001");
    });

    it("says when more contacts exist than one page returned", async () => {
        const { xrm } = fakeXrm([], "https://org.example/api/data/v9.2/contacts?$skiptoken=x");

        expect((await loadMapData(xrm, ACCOUNT, SUMMARY)).truncated).toBe(true);
    });

    it("fails when the contacts cannot be loaded", async () => {
        const { xrm, retrieveMultipleRecords } = fakeXrm([]);
        retrieveMultipleRecords.mockRejectedValue({ message: "offline" });

        await expect(loadMapData(xrm, ACCOUNT, SUMMARY)).rejects.toEqual({ message: "offline" });
    });
});

describe("record parsing", () => {
    it("reads a contact record", () => {
        expect(
            contactFromRecord({
                contactid: "{11111111-1111-4111-8111-11111111111A}",
                fullname: "  Grace Hopper ",
                rel_organizationalpower: OrganizationalPower.High,
                rel_perception: Perception.Detractor,
                rel_relationship: RelationshipStatus.Yes,
                rel_recommendedaction: RecommendedAction.ModerateRiskImprovePerception,
                rel_relationshiplevel: RelationshipLevel.Advisor,
                rel_healthscore: 58,
                rel_engagement: Engagement.NotYetNoticed,
            }),
        ).toEqual({
            id: "11111111-1111-4111-8111-11111111111a",
            name: "Grace Hopper",
            power: OrganizationalPower.High,
            perception: Perception.Detractor,
            relationship: RelationshipStatus.Yes,
            action: RecommendedAction.ModerateRiskImprovePerception,
            level: RelationshipLevel.Advisor,
            engagement: Engagement.NotYetNoticed,
        });
    });

    it("names a contact without a name and reads missing values as null", () => {
        expect(contactFromRecord({ contactid: "11111111-1111-4111-8111-111111111111", fullname: null })).toMatchObject({
            name: "(no name)",
            power: null,
            action: null,
        });
    });

    it.each([{}, null, { contactid: "not-a-guid" }])("skips a record without a usable id: %j", (record) => {
        expect(contactFromRecord(record)).toBeNull();
    });

    it("reads the key contact's name from the formatted value annotation", () => {
        const summary = accountSummaryFromRecord({
            _rel_keycontactid_value: "11111111-1111-4111-8111-111111111111",
            "_rel_keycontactid_value@OData.Community.Display.V1.FormattedValue": "Ada Lovelace",
            rel_healthscore: 81,
        });

        expect(summary).toMatchObject({ keyContactId: "11111111-1111-4111-8111-111111111111", keyContactName: "Ada Lovelace", healthScore: 81 });
    });
});

describe("normalizeGuid", () => {
    it.each([
        ["{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}", ACCOUNT],
        [ACCOUNT, ACCOUNT],
        ["", null],
        [null, null],
        ["0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9 or statecode eq 1", null],
    ])("%j → %j", (input, expected) => {
        expect(normalizeGuid(input)).toBe(expected);
    });
});
