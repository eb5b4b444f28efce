import { describe, expect, it } from 'vitest';
import { isAvatarDataUrl, squareCrop } from './avatar-image';

describe('squareCrop', () => {
  it('takesTheCentreOfAWideOrTallPicture', () => {
    expect(squareCrop(400, 300)).toEqual({ sx: 50, sy: 0, size: 300 });
    expect(squareCrop(300, 401)).toEqual({ sx: 0, sy: 50, size: 300 });
    expect(squareCrop(96, 96)).toEqual({ sx: 0, sy: 0, size: 96 });
  });
});

describe('isAvatarDataUrl', () => {
  it('acceptsOnlySmallImageDataUrls', () => {
    expect(isAvatarDataUrl('data:image/jpeg;base64,/9j/4AAQ==')).toBe(true);
    expect(isAvatarDataUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isAvatarDataUrl('https://example.org/me.png')).toBe(false);
    expect(isAvatarDataUrl(`data:image/png;base64,${'A'.repeat(50_000)}`)).toBe(false);
    expect(isAvatarDataUrl(42)).toBe(false);
  });
});
