import { ACTION_COLOURS, NO_ACTION_COLOUR } from "../shared/schema";
import type { ActionColour } from "../shared/schema";
import type { ChipView, MapView } from "./layout";

/** Draws a MapView into the page. Data is only ever written as text (textContent), never as markup. */

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className !== undefined) {
        node.className = className;
    }
    if (text !== undefined) {
        node.textContent = text;
    }
    return node;
}

function paint(node: HTMLElement, colour: ActionColour): void {
    node.style.backgroundColor = colour.background;
    node.style.color = colour.foreground;
}

function chip(view: ChipView): HTMLLIElement {
    const item = element("li");
    const button = element("button", "chip");
    button.type = "button";
    button.setAttribute("aria-label", view.accessibleName);
    button.title = view.accessibleName;
    button.dataset["contactId"] = view.id;
    button.dataset["colour"] = view.colour.key;
    if (view.isKey) {
        button.classList.add("chip-key");
        button.dataset["key"] = "true";
    }
    if (view.noRelationship) {
        button.classList.add("chip-norel");
    }
    if (view.notYetNoticed) {
        button.classList.add("chip-unnoticed");
        button.dataset["unnoticed"] = "true";
    }
    paint(button, view.colour);
    const name = element("span", "chip-name", view.name);
    if (view.notYetNoticed) {
        name.prepend(element("span", "chip-unnoticed-mark", "◌ "));
    }
    if (view.isKey) {
        name.prepend(element("span", "chip-star", "★ "));
    }
    button.append(name, element("span", "chip-detail", view.noRelationship ? `${view.detail} · No relationship` : view.detail));
    item.append(button);
    return item;
}

function chipList(chips: readonly ChipView[]): HTMLUListElement {
    const list = element("ul", "chips");
    const fragment = document.createDocumentFragment();
    for (const view of chips) {
        fragment.append(chip(view));
    }
    list.append(fragment);
    return list;
}

function summary(view: MapView): HTMLElement {
    const section = element("section", "summary");
    section.setAttribute("aria-label", "Account relationship summary");
    const list = element("dl");
    for (const item of view.summary) {
        const row = element("div");
        row.append(element("dt", undefined, item.label), element("dd", undefined, item.value));
        list.append(row);
    }
    section.append(list);
    return section;
}

function legend(): HTMLElement {
    const list = element("ul", "legend");
    list.setAttribute("aria-label", "Colour key");
    for (const colour of [...ACTION_COLOURS, NO_ACTION_COLOUR]) {
        const item = element("li");
        const swatch = element("span", "swatch");
        paint(swatch, colour);
        item.append(swatch, document.createTextNode(colour.legend));
        list.append(item);
    }
    const key = element("li", undefined, "★ Key contact");
    const noRelationship = element("li");
    noRelationship.append(element("span", "swatch swatch-norel"), document.createTextNode("No relationship (dashed)"));
    const notYetNoticed = element("li", undefined, "◌ Not yet noticed (fewer touchpoints than it takes)");
    list.append(key, noRelationship, notYetNoticed);
    return list;
}

function grid(view: MapView): HTMLElement {
    const container = element("div", "grid");
    container.setAttribute("role", "group");
    container.setAttribute("aria-label", "Contacts by organizational power and perception");
    for (const { quadrant, chips } of view.quadrants) {
        const section = element("section", `quadrant quadrant-${quadrant.key}`);
        section.dataset["quadrant"] = quadrant.key;
        const headingId = `quadrant-${quadrant.key}-title`;
        section.setAttribute("aria-labelledby", headingId);
        const heading = element("h2");
        heading.id = headingId;
        heading.append(
            element("span", "quadrant-title", quadrant.name),
            element("span", "quadrant-count", String(chips.length)),
            element("span", "quadrant-subtitle", quadrant.subtitle),
        );
        section.append(heading, chips.length === 0 ? element("p", "quadrant-empty", "No contacts here yet.") : chipList(chips));
        container.append(section);
    }
    return container;
}

function unplaced(chips: readonly ChipView[]): HTMLElement {
    const section = element("section", "unplaced");
    section.setAttribute("aria-labelledby", "unplaced-title");
    const heading = element("h2", undefined, `Not yet placed (${chips.length})`);
    heading.id = "unplaced-title";
    section.append(heading, element("p", "hint", "Organizational power or perception is not recorded yet."), chipList(chips));
    return section;
}

const EMPTY_TEXT = {
    "no-contacts": "This account has no active contacts yet.",
    "none-placed":
        "No contact on this account has been assessed yet. Record Organizational power and Perception on its contacts to place them on the map.",
} as const;

export function renderMap(root: HTMLElement, view: MapView): void {
    const status = element("p", "counts", view.countsText);
    status.setAttribute("role", "status");
    const parts: HTMLElement[] = [summary(view), status];
    if (view.empty === null) {
        parts.push(legend(), grid(view));
    } else {
        parts.push(element("p", "empty-state", EMPTY_TEXT[view.empty]));
    }
    if (view.unplaced.length > 0) {
        parts.push(unplaced(view.unplaced));
    }
    root.textContent = "";
    root.removeAttribute("aria-busy");
    root.append(...parts);
}

export function renderMessage(root: HTMLElement, message: string, busy: boolean): void {
    root.textContent = "";
    root.setAttribute("aria-busy", String(busy));
    const text = element("p", "message", message);
    text.setAttribute("role", "status");
    root.append(text);
}

export function renderError(root: HTMLElement, message: string, retry: () => void): void {
    renderMessage(root, message, false);
    const button = element("button", "retry", "Try again");
    button.type = "button";
    button.addEventListener("click", retry);
    root.append(button);
}

/** Calls open with the contact id when a contact chip is clicked or activated with Enter or Space. */
export function onContactActivated(root: HTMLElement, open: (contactId: string) => void): void {
    root.addEventListener("click", (event) => {
        const target = event.target instanceof Element ? event.target.closest<HTMLElement>("button[data-contact-id]") : null;
        const id = target?.dataset["contactId"];
        if (id !== undefined) {
            open(id);
        }
    });
}
