// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createLocale } from '../../i18n/i18n';
import { NO_DEVICES } from '../../media/devices';
import { ANONYMOUS, readMe } from '../../app/me';
import { createPrejoinForm, type PrejoinChoice } from './prejoin-form';

let joins: PrejoinChoice[];
let form: ReturnType<typeof createPrejoinForm>;
const byTestId = <E extends HTMLElement = HTMLElement>(id: string) => form.element.querySelector<E>(`[data-testid="${id}"]`);
const state = { busy: false, video: null, audio: null, devices: NO_DEVICES, deviceProblem: undefined, avatar: null, me: undefined };
const alice = readMe({
  signedIn: true, subject: 'alice', displayName: 'Alice Martin', member: true,
  identityProvider: { development: true, issuer: 'http://localhost:8080/dev', loginUrl: '/auth/login' },
});

beforeEach(() => {
  joins = [];
  document.body.replaceChildren();
  form = createPrejoinForm(createLocale('en'), 'Ada', {
    join: (choice) => joins.push(choice),
    previewMuted: () => undefined,
    chooseDevice: () => undefined,
    returnPath: () => '/LabMeeting',
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

  it('iAmTheHostIsALinkToSignInThatComesBackHere', () => {
    form.update({ ...state, me: ANONYMOUS });
    const link = byTestId<HTMLAnchorElement>('sign-in-link');
    expect(link?.textContent).toBe('I am the host — sign in');
    expect(link?.getAttribute('href')).toBe('/auth/login?return=%2FLabMeeting');
    expect(byTestId('signed-in-name')?.closest('[hidden]')).not.toBeNull();
    expect(byTestId('dev-idp-label')?.hidden).toBe(true);
    expect(joins).toEqual([]);
  });

  it('aSignedInMemberSeesTheirNameASignOutAndTheDevelopmentLabel', () => {
    form.update({ ...state, me: alice });
    expect(byTestId('sign-in-link')?.hidden).toBe(true);
    expect(byTestId('signed-in-name')?.textContent).toBe('Alice Martin');
    expect(byTestId('sign-out')?.closest('form')?.getAttribute('action')).toBe('/auth/logout');
    expect(byTestId('sign-out')?.closest('form')?.getAttribute('method')).toBe('post');
    expect(byTestId('dev-idp-label')?.hidden).toBe(false);
    expect(byTestId('dev-idp-label')?.textContent).toBe('Development sign-in — test accounts, not for production');
  });

  it('theSignedInNameFillsAnEmptyNameFieldButNeverReplacesATypedOne', () => {
    expect(byTestId<HTMLInputElement>('display-name')?.value).toBe('Ada');
    form.update({ ...state, me: alice });
    expect(byTestId<HTMLInputElement>('display-name')?.value).toBe('Ada');
    document.body.replaceChildren();
    const fresh = createPrejoinForm(createLocale('en'), '', {
      join: () => undefined, previewMuted: () => undefined, chooseDevice: () => undefined, returnPath: () => '/x',
    });
    fresh.update({ ...state, me: alice });
    expect(fresh.element.querySelector<HTMLInputElement>('[data-testid="display-name"]')?.value).toBe('Alice Martin');
  });
});
