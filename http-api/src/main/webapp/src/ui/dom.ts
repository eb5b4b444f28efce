/**
 * The few DOM helpers the components share. Components are plain functions that build their
 * element once and return it with an update function; state flows in through update, events flow
 * out through callbacks. That shape maps one-to-one onto a UI library's components if one is
 * introduced later.
 */

export type AttributeValue = string | number | boolean | null | undefined;

export interface ElementOptions {
  class?: string;
  text?: string;
  /** Attributes, e.g. { 'data-testid': 'roster', 'aria-live': 'polite', hidden: true }; false/null/undefined leave it out. */
  attrs?: Readonly<Record<string, AttributeValue>>;
  on?: { readonly [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };
}

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.attrs) setAttributes(element, options.attrs);
  if (options.on) {
    for (const [type, listener] of Object.entries(options.on)) {
      element.addEventListener(type, listener as EventListener);
    }
  }
  append(element, children);
  return element;
}

export function setAttributes(element: Element, attrs: Readonly<Record<string, AttributeValue>>): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children (cheap for the small, rarely changing parts it is used for). */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A component: its root element and how to bring it up to date. */
export interface Component<S> {
  readonly element: HTMLElement;
  update(state: S): void;
}
