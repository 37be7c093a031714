import { IframeControlMock } from "xrm-mock";
import { describe, expect, it, vi } from "vitest";
import { accountSummaryFromForm, connectStakeholderMap, onLoad } from "../../src/accountform/index";
import type { StakeholderMapContext } from "../../src/shared/handoff";
import { ACCOUNT_COMPUTED, ExpectationAlignment, RelationshipLevel, WebResourceControls } from "../../src/shared/schema";
import { accountForm, eventContext, flushPromises, formContext } from "./helpers/forms";

const KEY_CONTACT: Xrm.LookupValue = { id: "{11111111-2222-4333-8444-555555555555}", name: "Ada Lovelace", entityType: "contact" };

type Init = (context: StakeholderMapContext) => Promise<void>;

/** Adds the stakeholder map web resource control, whose window is `contentWindow` (or a rejection). */
function addMapControl(contentWindow: Promise<unknown>): void {
    const control = new IframeControlMock({ name: WebResourceControls.stakeholderMap });
    vi.spyOn(control, "getContentWindow").mockReturnValue(contentWindow as Promise<Window>);
    (formContext().ui.controls as unknown as { push(item: unknown): void }).push(control);
}

function mapWindow(init: Init): unknown {
    return { CrmRelationship: { StakeholderMap: { init } } };
}

describe("account onLoad", () => {
    it("makes every computed column read-only", () => {
        accountForm();

        onLoad(eventContext());

        for (const column of ACCOUNT_COMPUTED) {
            expect(formContext().getControl<Xrm.Controls.StandardControl>(column)?.getDisabled(), column).toBe(true);
        }
    });

    it("hands the account id, Xrm and the account's values to the stakeholder map", async () => {
        accountForm({
            relationshipLevel: RelationshipLevel.Partner,
            healthScore: 64,
            expectationGap: 1,
            expectationAlignment: ExpectationAlignment.Overestimated,
            highPowerCoverage: 50,
            keyContact: KEY_CONTACT,
        });
        const init = vi.fn<Init>().mockResolvedValue(undefined);
        addMapControl(Promise.resolve(mapWindow(init)));

        onLoad(eventContext());
        await flushPromises();

        expect(init).toHaveBeenCalledTimes(1);
        expect(init).toHaveBeenCalledWith({
            accountId: "0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9",
            xrm: Xrm,
            account: {
                relationshipLevel: RelationshipLevel.Partner,
                healthScore: 64,
                expectationGap: 1,
                expectationAlignment: ExpectationAlignment.Overestimated,
                highPowerCoverage: 50,
                keyContactId: "11111111-2222-4333-8444-555555555555",
                keyContactName: "Ada Lovelace",
            },
        });
    });

    it("hands no id over for an account that is not saved yet", async () => {
        accountForm();
        vi.spyOn(formContext().data.entity, "getId").mockReturnValue("");
        const init = vi.fn<Init>().mockResolvedValue(undefined);
        addMapControl(Promise.resolve(mapWindow(init)));

        await expect(connectStakeholderMap(formContext(), Xrm)).resolves.toBe(true);

        expect(init.mock.calls[0]![0].accountId).toBeNull();
    });
});

describe("connectStakeholderMap", () => {
    it("does nothing on a form without the map control", async () => {
        accountForm();

        await expect(connectStakeholderMap(formContext(), Xrm)).resolves.toBe(false);
    });

    it("gives up quietly when the control's window cannot be had", async () => {
        accountForm();
        addMapControl(Promise.reject(new Error("not loaded")));

        await expect(connectStakeholderMap(formContext(), Xrm)).resolves.toBe(false);
    });

    it("gives up quietly when the window is not the stakeholder map", async () => {
        accountForm();
        addMapControl(Promise.resolve({}));

        await expect(connectStakeholderMap(formContext(), Xrm)).resolves.toBe(false);
    });
});

describe("accountSummaryFromForm", () => {
    it("reads empty columns as not computed", () => {
        accountForm();

        expect(accountSummaryFromForm(formContext())).toEqual({
            relationshipLevel: null,
            healthScore: null,
            expectationGap: null,
            expectationAlignment: null,
            highPowerCoverage: null,
            keyContactId: null,
            keyContactName: null,
        });
    });
});
