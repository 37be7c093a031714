import { disableColumns, firstLookup, numberValue } from "../shared/formValues";
import { normalizeGuid } from "../shared/guid";
import { stakeholderMapApi } from "../shared/handoff";
import type { AccountSummary, StakeholderMapContext, StakeholderMapXrm } from "../shared/handoff";
import { ACCOUNT_COMPUTED, Account, WebResourceControls } from "../shared/schema";

/**
 * Account main form handlers, published as CrmRelationship.AccountForm.
 * Register onLoad on the form's OnLoad event with "Pass execution context as first parameter".
 */

export function accountSummaryFromForm(formContext: Xrm.FormContext): AccountSummary {
    const keyContact = firstLookup(formContext, Account.keyContactId);
    return {
        relationshipLevel: numberValue(formContext, Account.relationshipLevel),
        healthScore: numberValue(formContext, Account.healthScore),
        expectationGap: numberValue(formContext, Account.expectationGap),
        expectationAlignment: numberValue(formContext, Account.expectationAlignment),
        highPowerCoverage: numberValue(formContext, Account.highPowerCoverage),
        keyContactId: normalizeGuid(keyContact?.id),
        keyContactName: keyContact?.name ?? null,
    };
}

/**
 * Hands the account to the stakeholder map web resource through getContentWindow().
 * Resolves true when the map received it; false when the form has no map control or its window
 * did not open (the map then keeps showing that it waits for the account form).
 */
export async function connectStakeholderMap(formContext: Xrm.FormContext, xrm: StakeholderMapXrm): Promise<boolean> {
    const control = formContext.getControl<Xrm.Controls.IframeControl>(WebResourceControls.stakeholderMap);
    if (!control) {
        return false;
    }
    const context: StakeholderMapContext = {
        accountId: normalizeGuid(formContext.data.entity.getId()),
        xrm,
        account: accountSummaryFromForm(formContext),
    };
    try {
        const map = stakeholderMapApi(await control.getContentWindow());
        if (map === undefined) {
            return false;
        }
        await map.init(context);
        return true;
    } catch {
        return false;
    }
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
    const formContext = executionContext.getFormContext();
    disableColumns(formContext, ACCOUNT_COMPUTED);
    void connectStakeholderMap(formContext, Xrm);
}
