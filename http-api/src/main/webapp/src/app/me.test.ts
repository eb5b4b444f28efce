import { describe, expect, it } from 'vitest';
import { ANONYMOUS, readMe, signInHref } from './me';

describe('me', () => {
  it('readsASignedInMemberOfTheDevelopmentProvider', () => {
    expect(readMe({
      signedIn: true, subject: 'alice', displayName: 'Alice', member: true,
      identityProvider: { development: true, issuer: 'http://localhost:8080/dev-idp', loginUrl: '/auth/login' },
    })).toEqual({
      signedIn: true, subject: 'alice', displayName: 'Alice', member: true,
      identityProvider: { development: true, issuer: 'http://localhost:8080/dev-idp', loginUrl: '/auth/login' },
    });
  });

  it('anythingMissingOrMistypedIsNotSignedIn', () => {
    expect(readMe(null)).toEqual(ANONYMOUS);
    expect(readMe({ signedIn: 'yes', identityProvider: [] })).toEqual(ANONYMOUS);
  });

  it('aLoginAddressOffThisSiteIsNotFollowed', () => {
    expect(readMe({ identityProvider: { loginUrl: 'https://evil.example/login' } }).identityProvider.loginUrl).toBe('/auth/login');
    expect(readMe({ identityProvider: { loginUrl: '//evil.example/login' } }).identityProvider.loginUrl).toBe('/auth/login');
  });

  it('signingInComesBackToThisPage', () => {
    expect(signInHref(ANONYMOUS, '/LabMeeting')).toBe('/auth/login?return=%2FLabMeeting');
    const custom = readMe({ identityProvider: { loginUrl: '/auth/login?idp=renater' } });
    expect(signInHref(custom, '/Lab Meeting')).toBe('/auth/login?idp=renater&return=%2FLab%20Meeting');
  });
});
