const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * "{6F1E…}" or "6f1e…" → "6f1e…"; anything that is not a GUID → null. Ids are interpolated into
 * OData filters, so only a validated GUID may pass.
 */
export function normalizeGuid(id: unknown): string | null {
    if (typeof id !== "string") {
        return null;
    }
    const bare = id.trim().replace(/^\{/, "").replace(/\}$/, "").toLowerCase();
    return GUID.test(bare) ? bare : null;
}
