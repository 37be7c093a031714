/** Typed reads of form columns. A column missing from the form reads as null, like an empty one. */

/** A choice, whole number or decimal column. */
export function numberValue(formContext: Xrm.FormContext, column: string): number | null {
    const value: unknown = formContext.getAttribute(column)?.getValue();
    return typeof value === "number" ? value : null;
}

export function multiOptionValues(formContext: Xrm.FormContext, column: string): number[] | null {
    const value: unknown = formContext.getAttribute(column)?.getValue();
    if (!Array.isArray(value)) {
        return null;
    }
    const numbers = value.filter((v): v is number => typeof v === "number");
    return numbers.length > 0 ? numbers : null;
}

export function dateValue(formContext: Xrm.FormContext, column: string): Date | null {
    const value: unknown = formContext.getAttribute(column)?.getValue();
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

export interface LookupReference {
    readonly id: string;
    readonly name: string | null;
}

export function firstLookup(formContext: Xrm.FormContext, column: string): LookupReference | null {
    const value: unknown = formContext.getAttribute(column)?.getValue();
    if (!Array.isArray(value) || value.length === 0) {
        return null;
    }
    const first = value[0] as Partial<Xrm.LookupValue> | undefined;
    if (first === undefined || typeof first.id !== "string") {
        return null;
    }
    return { id: first.id, name: typeof first.name === "string" ? first.name : null };
}

/** Makes every control of each column read-only (main body, header and business process flow alike). */
export function disableColumns(formContext: Xrm.FormContext, columns: readonly string[]): void {
    for (const column of columns) {
        formContext.getAttribute(column)?.controls.forEach((control) => {
            control.setDisabled(true);
        });
    }
}
