import { dateValue, multiOptionValues, numberValue } from "../shared/formValues";
import { asRecord, integerOrNull } from "../shared/records";
import { Choices, PreviewAssessmentApi, isRiskAction, labelOf } from "../shared/schema";
import type { PreviewParameterType } from "../shared/schema";

/** Request parameter name → value; parameters with no value are left out (all are optional). */
export type PreviewParameters = Readonly<Record<string, number | string>>;

/** An Xrm.WebApi.online.execute request: the parameters as own properties, getMetadata on the prototype. */
export interface PreviewRequest {
    readonly [parameter: string]: unknown;
    getMetadata(): PreviewRequestMetadata;
}

export interface PreviewRequestMetadata {
    readonly boundParameter: null;
    readonly operationName: string;
    /** 0 = action. */
    readonly operationType: 0;
    readonly parameterTypes: Readonly<Record<string, { readonly typeName: string; readonly structuralProperty: 1 }>>;
}

export interface PreviewResult {
    readonly recommendedAction: number | null;
    readonly relationshipLevel: number | null;
    readonly expectationGap: number | null;
    readonly expectationAlignment: number | null;
    readonly healthScore: number | null;
    readonly explanation: string | null;
    /** The next step (relationship-model.md §10); null without an action. */
    readonly nextStep: string | null;
}

export const NOTHING_COMPUTED: PreviewResult = {
    recommendedAction: null,
    relationshipLevel: null,
    expectationGap: null,
    expectationAlignment: null,
    healthScore: null,
    explanation: null,
    nextStep: null,
};

export interface FormNotice {
    readonly message: string;
    readonly level: Xrm.FormNotificationLevel;
}

export const PREVIEW_NOTIFICATION_ID = "rel_contact_assessment_preview";
export const UNAVAILABLE_NOTIFICATION_ID = "rel_contact_assessment_preview_unavailable";
export const UNAVAILABLE_NOTICE: FormNotice = {
    message:
        "The assessment preview is unavailable (offline, or the server did not answer). You can keep editing; the assessment is calculated when the record is saved.",
    level: "INFO",
};

const EDM_TYPE_NAMES: Readonly<Record<PreviewParameterType, string>> = {
    Integer: "Edm.Int32",
    String: "Edm.String",
    DateTime: "Edm.DateTimeOffset",
};
/** parameterTypes[].structuralProperty: 1 = PrimitiveType. */
const PRIMITIVE_TYPE = 1;

/** A date-only column's calendar date as midnight UTC, so no time zone can move it to another day. */
export function dateOnlyIso(date: Date): string {
    const pad = (n: number): string => String(n).padStart(2, "0");
    return `${String(date.getFullYear()).padStart(4, "0")}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T00:00:00Z`;
}

/** Reads the ten inputs from the form into the Custom API's request parameters. */
export function previewParameters(formContext: Xrm.FormContext): PreviewParameters {
    const parameters: Record<string, number | string> = {};
    for (const parameter of PreviewAssessmentApi.request) {
        if (parameter.type === "Integer") {
            const value = numberValue(formContext, parameter.column);
            if (value !== null) {
                parameters[parameter.name] = value;
            }
        } else if (parameter.type === "String") {
            const values = multiOptionValues(formContext, parameter.column);
            if (values !== null) {
                parameters[parameter.name] = values.join(",");
            }
        } else {
            const value = dateValue(formContext, parameter.column);
            if (value !== null) {
                parameters[parameter.name] = dateOnlyIso(value);
            }
        }
    }
    return parameters;
}

const previewRequestPrototype = {
    getMetadata(this: Record<string, unknown>): PreviewRequestMetadata {
        const parameterTypes: Record<string, { typeName: string; structuralProperty: 1 }> = {};
        for (const parameter of PreviewAssessmentApi.request) {
            if (Object.prototype.hasOwnProperty.call(this, parameter.name)) {
                parameterTypes[parameter.name] = { typeName: EDM_TYPE_NAMES[parameter.type], structuralProperty: PRIMITIVE_TYPE };
            }
        }
        return { boundParameter: null, operationName: PreviewAssessmentApi.name, operationType: 0, parameterTypes };
    },
};

export function createPreviewRequest(parameters: PreviewParameters): PreviewRequest {
    return Object.assign(Object.create(previewRequestPrototype) as PreviewRequest, parameters);
}

/** The Custom API's response body → a result; anything missing, mistyped or unknown reads as null. */
export function parsePreviewResponse(body: unknown): PreviewResult {
    const record = asRecord(body);
    const property = PreviewAssessmentApi.response;
    const action = integerOrNull(record[property.recommendedAction.name]);
    const explanation = record[property.explanation.name];
    const nextStep = record[property.nextStep.name];
    return {
        recommendedAction: labelOf(Choices.recommendedAction, action) === undefined ? null : action,
        relationshipLevel: integerOrNull(record[property.relationshipLevel.name]),
        expectationGap: integerOrNull(record[property.expectationGap.name]),
        expectationAlignment: integerOrNull(record[property.expectationAlignment.name]),
        healthScore: integerOrNull(record[property.healthScore.name]),
        explanation: typeof explanation === "string" && explanation.trim() !== "" ? explanation : null,
        nextStep: typeof nextStep === "string" && nextStep.trim() !== "" ? nextStep.trim() : null,
    };
}

/** What the preview notification says: a warning for a risk action, information otherwise; null = no action, clear it. */
export function previewNotice(result: PreviewResult): FormNotice | null {
    const label = labelOf(Choices.recommendedAction, result.recommendedAction);
    if (label === undefined) {
        return null;
    }
    const explanation = (result.explanation ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "")
        .join(" ");
    // The next step comes right under the action, before the explanation, as on the form.
    const nextStep = result.nextStep === null ? "" : ` Next step: ${result.nextStep}`;
    const message = `Recommended action (preview, before save): ${label}.${nextStep}${explanation === "" ? "" : ` ${explanation}`}`;
    return { message, level: isRiskAction(result.recommendedAction) ? "WARNING" : "INFO" };
}

/** Shows the notice under its id, replacing an earlier one with that id; null clears it. */
export function showNotice(formContext: Xrm.FormContext, uniqueId: string, notice: FormNotice | null): void {
    formContext.ui.clearFormNotification(uniqueId);
    if (notice !== null) {
        formContext.ui.setFormNotification(notice.message, notice.level, uniqueId);
    }
}
