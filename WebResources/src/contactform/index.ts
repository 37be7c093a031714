import { disableColumns } from "../shared/formValues";
import { CONTACT_COMPUTED, CONTACT_INPUTS } from "../shared/schema";
import { PreviewSession } from "./previewSession";
import type { PreviewTransport } from "./previewSession";

/**
 * Contact main form handlers, published as CrmRelationship.ContactForm.
 * Register onLoad on the form's OnLoad event with "Pass execution context as first parameter";
 * onLoad attaches onInputChange to the nine inputs itself.
 */

let session: PreviewSession | undefined;

function isBrowserOnline(): boolean {
    return typeof navigator === "undefined" || navigator.onLine;
}

function xrmTransport(): PreviewTransport {
    return {
        execute: async (request) => Xrm.WebApi.online.execute(request),
        isOnline: () => isBrowserOnline() && Xrm.Utility.getGlobalContext().client.getClientState() !== "Offline",
    };
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
    const formContext = executionContext.getFormContext();
    disableColumns(formContext, CONTACT_COMPUTED);
    for (const column of CONTACT_INPUTS) {
        const attribute = formContext.getAttribute(column);
        // OnLoad runs again after each save: remove first so the handler is attached once.
        attribute?.removeOnChange(onInputChange);
        attribute?.addOnChange(onInputChange);
    }
    session?.cancel();
    session = new PreviewSession(xrmTransport());
    session.request(formContext);
}

export function onInputChange(executionContext: Xrm.Events.EventContext): void {
    // onLoad, which attaches this handler, has always made the session.
    session?.request(executionContext.getFormContext());
}
