import {
    NOTHING_COMPUTED,
    PREVIEW_NOTIFICATION_ID,
    UNAVAILABLE_NOTICE,
    UNAVAILABLE_NOTIFICATION_ID,
    createPreviewRequest,
    parsePreviewResponse,
    previewNotice,
    previewParameters,
    showNotice,
} from "./preview";
import type { PreviewParameters, PreviewRequest, PreviewResult } from "./preview";

/** The part of a fetch Response that Xrm.WebApi.online.execute resolves with and the preview reads. */
export interface PreviewHttpResponse {
    readonly ok: boolean;
    json(): Promise<unknown>;
}

export interface PreviewTransport {
    execute(request: PreviewRequest): Promise<PreviewHttpResponse>;
    isOnline(): boolean;
}

export const PREVIEW_DEBOUNCE_MS = 300;

/**
 * One open contact form's preview: waits until the inputs have been still for the debounce delay,
 * calls the Custom API, and shows the answer only if no newer change has come in meanwhile.
 * When the preview cannot be had it says so once and leaves the form alone.
 */
export class PreviewSession {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private generation = 0;
    private unavailableShown = false;

    public constructor(
        private readonly transport: PreviewTransport,
        private readonly delayMs: number = PREVIEW_DEBOUNCE_MS,
    ) {}

    /** Previews the form's inputs after the delay; supersedes any earlier request. */
    public request(formContext: Xrm.FormContext): void {
        this.cancel();
        const generation = this.generation;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.run(formContext, generation);
        }, this.delayMs);
    }

    /** Drops the pending request and makes any answer still in flight stale. */
    public cancel(): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        this.generation += 1;
    }

    private async run(formContext: Xrm.FormContext, generation: number): Promise<void> {
        const parameters = previewParameters(formContext);
        // With every input empty nothing can be computed: no need to ask the server.
        let result: PreviewResult | null = NOTHING_COMPUTED;
        if (Object.keys(parameters).length > 0) {
            result = this.transport.isOnline() ? await this.fetchPreview(parameters) : null;
        }
        if (generation !== this.generation) {
            return;
        }
        if (result === null) {
            showNotice(formContext, PREVIEW_NOTIFICATION_ID, null);
            if (!this.unavailableShown) {
                showNotice(formContext, UNAVAILABLE_NOTIFICATION_ID, UNAVAILABLE_NOTICE);
                this.unavailableShown = true;
            }
            return;
        }
        // Cleared unconditionally: a message from before the last save may still be on the form.
        showNotice(formContext, UNAVAILABLE_NOTIFICATION_ID, null);
        this.unavailableShown = false;
        showNotice(formContext, PREVIEW_NOTIFICATION_ID, previewNotice(result));
    }

    /** The preview, or null when the call is refused, fails or answers with an error status. */
    private async fetchPreview(parameters: PreviewParameters): Promise<PreviewResult | null> {
        try {
            const response = await this.transport.execute(createPreviewRequest(parameters));
            return response.ok ? parsePreviewResponse(await response.json()) : null;
        } catch {
            return null;
        }
    }
}
