import type { Msg, Translator } from '../i18n/i18n';

/**
 * The few DOM helpers the components share. Components are plain functions that build their
 * element once and return it with an update function; state flows in through update, events flow
 * out through callbacks. That shape maps one-to-one onto a UI library's components if one is
 * introduced later.
 *
 * Visible words are given as a Msg (translator.m(key)): the element then carries its key in
 * data-i18n (text) or data-i18n-attrs (attributes such as aria-label, title, placeholder), and
 * retranslate() puts every one of them into a new language in place, without rebuilding anything.
 */

export type AttributeValue = string | number | boolean | null | undefined | Msg;

export interface ElementOptions {
  class?: string;
  /** A Msg for words, a string for what is not translated (names, links). */
  text?: string | Msg;
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
  if (options.text !== undefined) setText(element, options.text);
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
    if (isMsg(value)) {
      if (element.getAttribute(name) !== value.text) element.setAttribute(name, value.text);
      rememberAttribute(element, name, value);
    } else {
      rememberAttribute(element, name, undefined);
      if (value === false || value === null || value === undefined) element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

/** The keys of an element's translated attributes: { "aria-label": ["toolbar.mic", {params}] }. */
type AttributeKeys = Record<string, [string, Msg['params']]>;
const ATTRS = 'data-i18n-attrs';

function rememberAttribute(element: Element, name: string, msg: Msg | undefined): void {
  const text = element.getAttribute(ATTRS);
  if (text === null && msg === undefined) return;
  const keys: AttributeKeys = text === null ? {} : (JSON.parse(text) as AttributeKeys);
  if (msg === undefined) delete keys[name];
  else keys[name] = [msg.key, msg.params];
  if (Object.keys(keys).length === 0) element.removeAttribute(ATTRS);
  else element.setAttribute(ATTRS, JSON.stringify(keys));
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && 'key' in value && 'text' in value;
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

/** Words (a Msg: the key is remembered in data-i18n) or text that is not translated (a string). */
export function setText(element: Element, text: string | Msg): void {
  const value = isMsg(text) ? text.text : text;
  if (element.textContent !== value) element.textContent = value;
  if (isMsg(text)) {
    element.setAttribute('data-i18n', text.key);
    if (text.params) element.setAttribute('data-i18n-params', JSON.stringify(text.params));
    else element.removeAttribute('data-i18n-params');
  } else if (element.hasAttribute('data-i18n')) {
    element.removeAttribute('data-i18n');
    element.removeAttribute('data-i18n-params');
  }
}

/** Every text and attribute given as a Msg under root, in the translator's (new) language. */
export function retranslate(root: Element, t: Translator): void {
  for (const element of within(root, '[data-i18n]')) {
    const key = element.getAttribute('data-i18n') ?? '';
    const paramsText = element.getAttribute('data-i18n-params');
    const params = paramsText === null ? undefined : (JSON.parse(paramsText) as Msg['params']);
    element.textContent = t.tryT(key, params) ?? key;
  }
  for (const element of within(root, `[${ATTRS}]`)) {
    const keys = JSON.parse(element.getAttribute(ATTRS) ?? '{}') as AttributeKeys;
    for (const [name, [key, params]] of Object.entries(keys)) element.setAttribute(name, t.tryT(key, params) ?? key);
  }
}

/** The keys of every translated text and attribute under root (what tests assert on). */
export function shownI18nKeys(root: Element): string[] {
  const keys = new Set<string>();
  for (const element of within(root, '[data-i18n]')) keys.add(element.getAttribute('data-i18n') ?? '');
  for (const element of within(root, `[${ATTRS}]`)) {
    for (const [key] of Object.values(JSON.parse(element.getAttribute(ATTRS) ?? '{}') as AttributeKeys)) keys.add(key);
  }
  return [...keys].sort();
}

function within(root: Element, selector: string): Element[] {
  return [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
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
