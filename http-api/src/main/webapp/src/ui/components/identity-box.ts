import { ANONYMOUS, LOGOUT_URL, signInHref, type Me } from '../../app/me';
import type { Translator } from '../../i18n/i18n';
import { el, setText, show, type Component } from '../dom';
import { icon } from './icons';

export interface IdentityBoxState {
  /** Who the server says we are; undefined while it has not answered. */
  me: Me | undefined;
}

/**
 * "I am the host — sign in" (a plain link: the server's login sends people to their institution
 * and back to this page), or "Signed in as Alice · Sign out". Development sign-in is labelled as
 * such wherever the link is offered.
 */
export function createIdentityBox(t: Translator, returnPath: () => string): Component<IdentityBoxState> {
  const signIn = el('a', {
    class: 'button',
    attrs: { 'data-testid': 'sign-in-link', href: signInHref(ANONYMOUS, returnPath()) },
  }, [icon('logIn'), el('span', { text: t.m('identity.signIn') })]);
  const signInHint = el('p', { class: 'field-hint', text: t.m('identity.signInHint') });
  const name = el('strong', { attrs: { 'data-testid': 'signed-in-name', 'data-i18n-skip': true } });
  const returnInput = el('input', { attrs: { type: 'hidden', name: 'return' } });
  // A form post, so that a link prefetch or a stray GET cannot sign anyone out.
  const signOut = el('form', { class: 'inline-form', attrs: { method: 'post', action: LOGOUT_URL } }, [
    returnInput,
    el('button', { class: 'link-button', text: t.m('identity.signOut'), attrs: { type: 'submit', 'data-testid': 'sign-out' } }),
  ]);
  const signedIn = el('p', { class: 'identity-signed-in' }, [el('span', { text: t.m('identity.signedInAs') }), ' ', name, el('span', { text: ' · ', attrs: { 'aria-hidden': 'true', 'data-i18n-skip': true } }), signOut]);
  const member = el('p', { class: 'field-hint', text: t.m('identity.member') });
  const notMember = el('p', { class: 'field-hint', text: t.m('identity.notMember') });
  const dev = el('p', { class: 'dev-label', text: t.m('identity.devLabel'), attrs: { 'data-testid': 'dev-idp-label' } });
  const element = el('div', { class: 'identity', attrs: { 'data-testid': 'identity' } }, [signIn, signInHint, signedIn, member, notMember, dev]);

  return {
    element,
    update({ me }) {
      const known = me ?? ANONYMOUS;
      const href = signInHref(known, returnPath());
      if (signIn.getAttribute('href') !== href) signIn.setAttribute('href', href);
      returnInput.value = returnPath();
      show(signIn, !known.signedIn);
      show(signInHint, !known.signedIn);
      show(signedIn, known.signedIn);
      setText(name, known.displayName || known.subject);
      show(member, known.signedIn && known.member);
      show(notMember, known.signedIn && !known.member);
      show(dev, known.identityProvider.development);
    },
  };
}
