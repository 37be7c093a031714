import { normalizeGuid } from "../shared/guid";
import type { StakeholderMapContext, StakeholderMapXrm } from "../shared/handoff";
import { Contact } from "../shared/schema";
import { loadMapData } from "./data";
import { buildMapView } from "./layout";
import { onContactActivated, renderError, renderMap, renderMessage } from "./render";

/**
 * Stakeholder map page script, published as CrmRelationship.StakeholderMap in the web resource's
 * own window. The account form script calls init() through getContentWindow(); the page never
 * reaches for its parent and uses only the Xrm it is handed.
 */

export const ROOT_ID = "stakeholder-map";

let generation = 0;
let currentXrm: StakeholderMapXrm | undefined;
let listening = false;

function openContact(contactId: string): void {
    currentXrm?.Navigation.openForm({ entityName: Contact.entityName, entityId: contactId }).then(
        () => undefined,
        () => undefined,
    );
}

/** Loads the account's contacts and draws the map; a newer init() call supersedes an older one. */
export async function init(context: StakeholderMapContext): Promise<void> {
    const root = document.getElementById(ROOT_ID);
    if (root === null) {
        return;
    }
    const current = ++generation;
    currentXrm = context.xrm;
    if (!listening) {
        onContactActivated(root, openContact);
        listening = true;
    }
    const accountId = normalizeGuid(context.accountId);
    if (accountId === null) {
        renderMessage(root, "Save the account to see its stakeholder map.", false);
        return;
    }
    renderMessage(root, "Loading contacts…", true);
    try {
        const data = await loadMapData(context.xrm, accountId, context.account);
        if (current === generation) {
            renderMap(root, buildMapView(data.contacts, data.account, data.truncated));
        }
    } catch {
        if (current === generation) {
            renderError(root, "The contacts could not be loaded (offline, or the server did not answer).", () => {
                void init(context);
            });
        }
    }
}
