/** Reading untyped JSON from the Web API: anything missing or of the wrong type reads as empty or null. */

/** An object's own properties, or none when the value is not an object. */
export function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** A whole number, or null for anything else. */
export function integerOrNull(value: unknown): number | null {
    return typeof value === "number" && Number.isInteger(value) ? value : null;
}
