/**
 * Who the browser is signed in as: GET /api/v1/me. Signing in and out are navigations handled by
 * the server (/auth/login redirects to the identity provider and back, /auth/logout ends the
 * session), so all the page needs is this answer and the addresses to go to.
 */

export interface IdentityProvider {
  /** The server's development provider (test accounts): the page labels it as such. */
  development: boolean;
  issuer: string;
  loginUrl: string;
}

export interface Me {
  signedIn: boolean;
  subject: string;
  displayName: string;
  /** A member of the community: may start conferences (and moderates them). */
  member: boolean;
  identityProvider: IdentityProvider;
}

export const ME_PATH = '/api/v1/me';
export const DEFAULT_LOGIN_URL = '/auth/login';
export const LOGOUT_URL = '/auth/logout';

/** Nobody signed in: what the page assumes until the server said otherwise (or when it could not say). */
export const ANONYMOUS: Me = {
  signedIn: false, subject: '', displayName: '', member: false,
  identityProvider: { development: false, issuer: '', loginUrl: DEFAULT_LOGIN_URL },
};

/** The answer with every missing or mistyped field back at its default. */
export function readMe(value: unknown): Me {
  const o = isObject(value) ? value : {};
  const idp = isObject(o['identityProvider']) ? o['identityProvider'] : {};
  const loginUrl = str(idp['loginUrl']);
  return {
    signedIn: o['signedIn'] === true,
    subject: str(o['subject']),
    displayName: str(o['displayName']),
    member: o['member'] === true,
    identityProvider: {
      development: idp['development'] === true,
      issuer: str(idp['issuer']),
      // Only a path on this site: the page never sends people elsewhere on the server's word alone.
      loginUrl: loginUrl.startsWith('/') && !loginUrl.startsWith('//') ? loginUrl : DEFAULT_LOGIN_URL,
    },
  };
}

/** Where "sign in" goes: the server's login, asked to come back to this page. */
export function signInHref(me: Me, returnPath: string): string {
  const separator = me.identityProvider.loginUrl.includes('?') ? '&' : '?';
  return `${me.identityProvider.loginUrl}${separator}return=${encodeURIComponent(returnPath)}`;
}

/** The real GET /api/v1/me; a failure counts as not signed in (the page still works for guests). */
export async function fetchMe(): Promise<Me> {
  try {
    const response = await fetch(ME_PATH, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? readMe(await response.json()) : ANONYMOUS;
  } catch {
    return ANONYMOUS;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
