import { describe, expect, it } from 'vitest';
import { resolveRoute, roomPath } from './router';

describe('resolveRoute', () => {
  it('theRootIsTheHomePage', () => {
    expect(resolveRoute('/')).toEqual({ kind: 'home' });
    expect(resolveRoute('')).toEqual({ kind: 'home' });
    expect(resolveRoute('/index.html')).toEqual({ kind: 'home' });
  });

  it('oneSegmentIsARoomWithItsCaseKept', () => {
    expect(resolveRoute('/BraveOttersSingLoudly42')).toEqual({ kind: 'room', room: 'BraveOttersSingLoudly42' });
    expect(resolveRoute('/team-meeting/')).toEqual({ kind: 'room', room: 'team-meeting' });
  });

  it('aSegmentThatIsNoRoomNameSaysSo', () => {
    expect(resolveRoute('/two%20words')).toEqual({ kind: 'invalid-room', segment: 'two words' });
    expect(resolveRoute('/%E0%A4%A')).toEqual({ kind: 'invalid-room', segment: '%E0%A4%A' });
  });

  it('theSelfTestPathIsThePageNotARoom', () => {
    expect(resolveRoute('/self-test')).toEqual({ kind: 'self-test' });
    expect(resolveRoute('/Self-Test/')).toEqual({ kind: 'self-test' });
    expect(resolveRoute('/self-test-room')).toEqual({ kind: 'room', room: 'self-test-room' });
  });

  it('deeperPathsAreNotFound', () => {
    expect(resolveRoute('/a/b')).toEqual({ kind: 'not-found' });
  });
});

describe('roomPath', () => {
  it('isTheRoomNameUnderTheRoot', () => {
    expect(roomPath(' Lab.Meeting_1 ')).toBe('/Lab.Meeting_1');
  });
});
