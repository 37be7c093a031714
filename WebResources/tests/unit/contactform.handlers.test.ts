import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onInputChange, onLoad } from "../../src/contactform/index";
import { PREVIEW_NOTIFICATION_ID, UNAVAILABLE_NOTIFICATION_ID } from "../../src/contactform/preview";
import type { PreviewRequest } from "../../src/contactform/preview";
import { PREVIEW_DEBOUNCE_MS } from "../../src/contactform/previewSession";
import {
    ActivityLevel,
    CONTACT_COMPUTED,
    CONTACT_INPUTS,
    Contact,
    OrganizationalPower,
    Perception,
    RecommendedAction,
    RelationshipStatus,
} from "../../src/shared/schema";
import { contactForm, eventContext, flushPromises, formContext, notifications } from "./helpers/forms";

interface Deferred<T> {
    promise: Promise<T>;
    resolve(value: T): void;
    reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

function okResponse(body: unknown): Response {
    return { ok: true, json: () => Promise.resolve(body) } as Response;
}

function answer(action: number | null, explanation = "Because."): Response {
    return okResponse({ RecommendedAction: action, Explanation: explanation });
}

let execute: ReturnType<typeof vi.fn<(request: PreviewRequest) => Promise<Response>>>;

function stubExecute(): void {
    execute = vi.fn<(request: PreviewRequest) => Promise<Response>>();
    (Xrm.WebApi.online as { execute: unknown }).execute = execute;
}

function setValue(column: string, value: unknown): void {
    const attribute = formContext().getAttribute(column);
    (attribute as Xrm.Attributes.Attribute).setValue(value as never);
    (attribute as unknown as { fireOnChange(): void }).fireOnChange();
}

async function settle(): Promise<void> {
    await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS);
    await flushPromises();
}

function previewNotification(): { message: string; level: string } | undefined {
    return notifications().find((n) => n.uniqueId === PREVIEW_NOTIFICATION_ID);
}

function unavailableNotifications(): unknown[] {
    return notifications().filter((n) => n.uniqueId === UNAVAILABLE_NOTIFICATION_ID);
}

beforeEach(() => {
    vi.useFakeTimers();
    contactForm({
        relationship: RelationshipStatus.No,
        organizationalPower: OrganizationalPower.High,
        perception: Perception.Detractor,
        activityLevel: ActivityLevel.Active,
    });
    stubExecute();
});

afterEach(() => {
    vi.useRealTimers();
});

describe("onLoad", () => {
    it("makes every computed column read-only", () => {
        onLoad(eventContext());

        for (const column of CONTACT_COMPUTED) {
            const control = formContext().getControl<Xrm.Controls.StandardControl>(column);
            expect(control?.getDisabled(), column).toBe(true);
        }
    });

    it("leaves the inputs editable", () => {
        onLoad(eventContext());

        for (const column of CONTACT_INPUTS) {
            expect(formContext().getControl<Xrm.Controls.StandardControl>(column)?.getDisabled(), column).toBe(false);
        }
    });

    it("previews the loaded inputs once the debounce delay has passed", async () => {
        execute.mockResolvedValue(answer(RecommendedAction.HighRiskImprovePerception));

        onLoad(eventContext());
        await vi.advanceTimersByTimeAsync(PREVIEW_DEBOUNCE_MS - 1);
        expect(execute).not.toHaveBeenCalled();
        await settle();

        expect(execute).toHaveBeenCalledTimes(1);
        const request = execute.mock.calls[0]![0];
        expect(request.getMetadata().operationName).toBe("rel_PreviewRelationshipAssessment");
        expect({ ...request }).toEqual({ Relationship: RelationshipStatus.No, OrganizationalPower: OrganizationalPower.High, Perception: Perception.Detractor, ActivityLevel: ActivityLevel.Active });
    });

    it("asks the server nothing while every input is empty", async () => {
        contactForm();
        stubExecute();

        onLoad(eventContext());
        await settle();

        expect(execute).not.toHaveBeenCalled();
        expect(notifications()).toEqual([]);
    });

    it("attaches the change handler to the nine inputs once, even when the form loads again after a save", () => {
        onLoad(eventContext());
        onLoad(eventContext());

        for (const column of CONTACT_INPUTS) {
            const handlers = (formContext().getAttribute(column) as unknown as { eventHandlers: unknown[] }).eventHandlers;
            expect(handlers, column).toEqual([onInputChange]);
        }
    });
});

describe("preview notification", () => {
    it("warns for a risk action, naming the action and the explanation", async () => {
        execute.mockResolvedValue(answer(RecommendedAction.HighRiskImprovePerception, "No relationship with a high-power detractor."));

        onLoad(eventContext());
        await settle();

        expect(previewNotification()).toEqual({
            uniqueId: PREVIEW_NOTIFICATION_ID,
            level: "WARNING",
            message: "Recommended action (preview, before save): High risk, improve perception. No relationship with a high-power detractor.",
        });
    });

    it("informs for a potential action", async () => {
        execute.mockResolvedValue(answer(RecommendedAction.HighPotentialFindASponsor));

        onLoad(eventContext());
        await settle();

        expect(previewNotification()?.level).toBe("INFO");
        expect(previewNotification()?.message).toContain("High potential, find a sponsor");
    });

    it("informs for Low risk, move on, which is not a risk action", async () => {
        execute.mockResolvedValue(answer(RecommendedAction.LowRiskMoveOn));

        onLoad(eventContext());
        await settle();

        expect(previewNotification()?.level).toBe("INFO");
    });

    it("replaces itself when the action changes, keeping one notification", async () => {
        execute.mockResolvedValueOnce(answer(RecommendedAction.HighRiskImprovePerception)).mockResolvedValueOnce(answer(RecommendedAction.HighPotentialFindASponsor));

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, Perception.Advocate);
        await settle();

        expect(notifications()).toHaveLength(1);
        expect(previewNotification()?.level).toBe("INFO");
        expect(previewNotification()?.message).toContain("High potential, find a sponsor");
    });

    it("is cleared when the preview has no action", async () => {
        execute.mockResolvedValueOnce(answer(RecommendedAction.HighRiskImprovePerception)).mockResolvedValueOnce(answer(null, "Perception is missing."));

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, null);
        await settle();

        expect(notifications()).toEqual([]);
    });
});

describe("debounce and supersede", () => {
    it("calls once, with the latest values, for a burst of changes", async () => {
        execute.mockResolvedValue(answer(RecommendedAction.MedPotentialActivate));
        onLoad(eventContext());

        setValue(Contact.perception, Perception.Advocate);
        await vi.advanceTimersByTimeAsync(100);
        setValue(Contact.relationship, RelationshipStatus.Yes);
        await vi.advanceTimersByTimeAsync(100);
        setValue(Contact.activityLevel, ActivityLevel.Passive);
        await settle();

        expect(execute).toHaveBeenCalledTimes(1);
        expect({ ...execute.mock.calls[0]![0] }).toMatchObject({ Perception: Perception.Advocate, Relationship: RelationshipStatus.Yes, ActivityLevel: ActivityLevel.Passive });
    });

    it("ignores an answer that arrives after a newer change", async () => {
        const first = deferred<Response>();
        const second = deferred<Response>();
        execute.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, Perception.Advocate);
        await settle();
        second.resolve(answer(RecommendedAction.HighPotentialLeverage));
        await flushPromises();
        first.resolve(answer(RecommendedAction.HighRiskImprovePerception));
        await flushPromises();

        expect(execute).toHaveBeenCalledTimes(2);
        expect(previewNotification()?.message).toContain("High potential, leverage");
        expect(previewNotification()?.level).toBe("INFO");
    });

    it("ignores an answer still in flight when the user changes an input again", async () => {
        const first = deferred<Response>();
        execute.mockReturnValueOnce(first.promise);

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, Perception.Advocate);
        first.resolve(answer(RecommendedAction.HighRiskImprovePerception));
        await flushPromises();

        expect(notifications()).toEqual([]);
    });

    it("ignores a failure that was superseded, showing no unavailable message", async () => {
        const first = deferred<Response>();
        execute.mockReturnValueOnce(first.promise).mockResolvedValueOnce(answer(RecommendedAction.MedPotentialMakeAHero));

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, Perception.Advocate);
        first.reject(new Error("timeout"));
        await settle();

        expect(unavailableNotifications()).toEqual([]);
        expect(previewNotification()?.message).toContain("Med potential, make a hero");
    });
});

describe("offline and failure", () => {
    it("does not call when the browser is offline and says so once across many changes", async () => {
        vi.stubGlobal("navigator", { onLine: false });
        onLoad(eventContext());
        await settle();
        const setSpy = vi.spyOn(formContext().ui, "setFormNotification");

        for (const value of [Perception.Advocate, Perception.Detractor, Perception.Advocate]) {
            setValue(Contact.perception, value);
            await settle();
        }

        expect(execute).not.toHaveBeenCalled();
        expect(unavailableNotifications()).toHaveLength(1);
        expect(setSpy).not.toHaveBeenCalled();
    });

    it("does not call when the app is in offline mode", async () => {
        vi.spyOn(Xrm.Utility.getGlobalContext().client, "getClientState").mockReturnValue("Offline");

        onLoad(eventContext());
        await settle();

        expect(execute).not.toHaveBeenCalled();
        expect(unavailableNotifications()).toHaveLength(1);
    });

    it("says so once when the call keeps failing, and the inputs stay editable", async () => {
        execute.mockRejectedValue({ errorCode: 2147746611, message: "Server busy" });
        onLoad(eventContext());
        await settle();
        const setSpy = vi.spyOn(formContext().ui, "setFormNotification");

        setValue(Contact.perception, Perception.Advocate);
        await settle();
        setValue(Contact.relationship, RelationshipStatus.Yes);
        await settle();

        expect(execute).toHaveBeenCalledTimes(3);
        expect(unavailableNotifications()).toHaveLength(1);
        expect(setSpy).not.toHaveBeenCalled();
        expect(formContext().getAttribute(Contact.relationship)?.getValue()).toBe(RelationshipStatus.Yes);
        for (const column of CONTACT_INPUTS) {
            expect(formContext().getControl<Xrm.Controls.StandardControl>(column)?.getDisabled(), column).toBe(false);
        }
    });

    it("treats an error status as unavailable", async () => {
        execute.mockResolvedValue({ ok: false, json: () => Promise.resolve({ error: { message: "Not found" } }) } as Response);

        onLoad(eventContext());
        await settle();

        expect(unavailableNotifications()).toHaveLength(1);
        expect(previewNotification()).toBeUndefined();
    });

    it("treats a call that throws at once as unavailable", async () => {
        execute.mockImplementation(() => {
            throw new TypeError("execute is not available offline");
        });

        onLoad(eventContext());
        await settle();

        expect(unavailableNotifications()).toHaveLength(1);
    });

    it("removes a stale preview when the next one cannot be had", async () => {
        execute.mockResolvedValueOnce(answer(RecommendedAction.HighRiskImprovePerception)).mockRejectedValueOnce(new Error("offline"));

        onLoad(eventContext());
        await settle();
        setValue(Contact.perception, Perception.Advocate);
        await settle();

        expect(previewNotification()).toBeUndefined();
        expect(unavailableNotifications()).toHaveLength(1);
    });

    it("clears an unavailable message left from before a save once the reloaded form previews", async () => {
        execute.mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce(answer(RecommendedAction.LowRiskMoveOn));

        onLoad(eventContext());
        await settle();
        expect(unavailableNotifications()).toHaveLength(1);
        onLoad(eventContext());
        await settle();

        expect(unavailableNotifications()).toEqual([]);
        expect(previewNotification()?.message).toContain("Low risk, move on");
    });

    it("clears the unavailable message when a preview succeeds again", async () => {
        execute.mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce(answer(RecommendedAction.HighPotentialLeverage));

        onLoad(eventContext());
        await settle();
        expect(unavailableNotifications()).toHaveLength(1);
        setValue(Contact.perception, Perception.Advocate);
        await settle();

        expect(unavailableNotifications()).toEqual([]);
        expect(previewNotification()?.message).toContain("High potential, leverage");
    });
});
