import { XrmMockGenerator } from "xrm-mock";
import { ACCOUNT_COMPUTED, Account, CONTACT_COMPUTED, Contact } from "../../../src/shared/schema";

export const CONTACT_ID = "{6F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9}";
export const ACCOUNT_ID = "{0A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}";

/** Values for the nine contact inputs; a key left out is created empty. */
export interface ContactInputValues {
    relationship?: number;
    organizationalPower?: number;
    perception?: number;
    activityLevel?: number;
    observedBehaviours?: number[];
    riskBehaviours?: number[];
    customerViewLevel?: number;
    customerViewDate?: Date;
    feedbackCadence?: number;
    primaryNeed?: number;
}

/** A contact form in xrm-mock with the nine inputs and the twelve computed columns, each with one control. */
export function contactForm(values: ContactInputValues = {}): void {
    XrmMockGenerator.initialise({ entity: { id: CONTACT_ID, entityName: "contact" } });
    const A = XrmMockGenerator.Attribute;
    A.createOptionSet(Contact.relationship, values.relationship as number);
    A.createOptionSet(Contact.organizationalPower, values.organizationalPower as number);
    A.createOptionSet(Contact.perception, values.perception as number);
    A.createOptionSet(Contact.activityLevel, values.activityLevel as number);
    // xrm-mock has no multi-select attribute; an option set holding an array reads the same way.
    A.createOptionSet({ name: Contact.observedBehaviours, value: (values.observedBehaviours ?? null) as never }, [{ name: Contact.observedBehaviours }]);
    A.createOptionSet({ name: Contact.riskBehaviours, value: (values.riskBehaviours ?? null) as never }, [{ name: Contact.riskBehaviours }]);
    A.createOptionSet(Contact.customerViewLevel, values.customerViewLevel as number);
    A.createDate(Contact.customerViewDate, values.customerViewDate as Date);
    A.createOptionSet(Contact.feedbackCadence, values.feedbackCadence as number);
    A.createOptionSet(Contact.primaryNeed, values.primaryNeed as number);
    for (const column of CONTACT_COMPUTED) {
        A.createString(column, "");
    }
}

export interface AccountFormValues {
    relationshipLevel?: number;
    healthScore?: number;
    expectationGap?: number;
    expectationAlignment?: number;
    highPowerCoverage?: number;
    keyContact?: Xrm.LookupValue;
}

/** An account form in xrm-mock with the computed columns (each with one control). */
export function accountForm(values: AccountFormValues = {}): void {
    XrmMockGenerator.initialise({ entity: { id: ACCOUNT_ID, entityName: "account" } });
    const A = XrmMockGenerator.Attribute;
    const numbers: Record<string, number | undefined> = {
        [Account.relationshipLevel]: values.relationshipLevel,
        [Account.healthScore]: values.healthScore,
        [Account.expectationGap]: values.expectationGap,
        [Account.expectationAlignment]: values.expectationAlignment,
        [Account.highPowerCoverage]: values.highPowerCoverage,
    };
    for (const column of ACCOUNT_COMPUTED) {
        if (column === Account.keyContactId) {
            A.createLookup(column, values.keyContact ? [values.keyContact] : []);
        } else {
            A.createNumber(column, numbers[column] as number);
        }
    }
}

export function eventContext(): Xrm.Events.EventContext {
    return XrmMockGenerator.getEventContext();
}

export function formContext(): Xrm.FormContext {
    return XrmMockGenerator.getFormContext();
}

/** The notifications currently on the mock form. */
export function notifications(): { message: string; level: string; uniqueId: string }[] {
    return (formContext().ui as unknown as { formNotifications?: { message: string; level: string; uniqueId: string }[] }).formNotifications ?? [];
}

/** Resolves after every promise callback already queued has run. */
export async function flushPromises(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        await Promise.resolve();
    }
}
