// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocale } from '../../i18n/i18n';
import { NO_DEVICES } from '../../media/devices';
import { createPrejoinForm, type PrejoinChoice } from './prejoin-form';

let joins: PrejoinChoice[];
let form: ReturnType<typeof createPrejoinForm>;
const byTestId = <E extends HTMLElement = HTMLElement>(id: string) => form.element.querySelector<E>(`[data-testid="${id}"]`);
const state = { busy: false, video: null, audio: null, devices: NO_DEVICES, deviceProblem: undefined, avatar: null };

beforeEach(() => {
  joins = [];
  document.body.replaceChildren();
  form = createPrejoinForm(createLocale('en'), 'Ada', {
    join: (choice) => joins.push(choice),
    previewMuted: () => undefined,
    chooseDevice: () => undefined,
  });
  document.body.appendChild(form.element);
  form.update(state);
});

describe('the terms gate of the pre-join form', () => {
  it('keepsJoinDisabledAndSaysWhyUntilTheTermsAreAccepted', () => {
    const join = byTestId<HTMLButtonElement>('join-button');
    expect(join?.disabled).toBe(true);
    expect(byTestId('terms-hint')?.hidden).toBe(false);
    expect(byTestId('terms-hint')?.textContent).toBe('Accept the terms of use to join.');
    join?.click();
    form.element.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(joins).toEqual([]);

    byTestId<HTMLInputElement>('accept-terms')?.click();
    expect(join?.disabled).toBe(false);
    expect(byTestId('terms-hint')?.hidden).toBe(true);
    join?.click();
    expect(joins).toEqual([{ displayName: 'Ada', audioMuted: false, videoMuted: false, acceptedTerms: true }]);
  });

  it('uncheckingTheTermsDisablesJoinAgain', () => {
    const accept = byTestId<HTMLInputElement>('accept-terms');
    accept?.click();
    accept?.click();
    expect(byTestId<HTMLButtonElement>('join-button')?.disabled).toBe(true);
  });

  it('whileJoiningEverythingIsLocked', () => {
    byTestId<HTMLInputElement>('accept-terms')?.click();
    form.update({ ...state, busy: true });
    expect(byTestId<HTMLButtonElement>('join-button')?.disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>('join-button')?.textContent).toBe('Joining…');
    expect(byTestId<HTMLInputElement>('accept-terms')?.disabled).toBe(true);
  });

  it('theTermsCanBeReadInADialog', () => {
    byTestId('terms-link')?.click();
    const dialog = document.querySelector<HTMLDialogElement>('[data-testid="terms-dialog"]');
    expect(dialog?.open).toBe(true);
    expect(dialog?.textContent).toContain('Terms of use');
    expect(dialog?.textContent).toContain('Do not record');
  });

  it('iAmTheHostSaysThatSigningInIsNotAvailableYetAndJoinsNobody', () => {
    const host = byTestId('host-sign-in');
    expect(host?.textContent).toBe('I am the host');
    expect(form.element.textContent).toContain('Signing in with your institution is not available yet.');
    host?.click();
    const dialog = document.querySelector<HTMLDialogElement>('[data-testid="host-sign-in-dialog"]');
    expect(dialog?.open).toBe(true);
    expect(dialog?.textContent).toContain('not possible today');
    expect(joins).toEqual([]);
  });
});
