import type { SetReceiveConstraintsBody } from '../signal/protocol';

/**
 * What this person wants to receive, kept in the browser between conferences. 0 means no limit
 * ("auto"); low bandwidth receives only audio and screen shares.
 */
export interface ReceivePreferences {
  readonly maxVideoHeight: MaxVideoHeight;
  readonly lowBandwidth: boolean;
}

export const MAX_VIDEO_HEIGHTS = [0, 720, 360, 180] as const;
export type MaxVideoHeight = (typeof MAX_VIDEO_HEIGHTS)[number];

export const DEFAULT_RECEIVE_PREFERENCES: ReceivePreferences = { maxVideoHeight: 0, lowBandwidth: false };

export function isMaxVideoHeight(value: unknown): value is MaxVideoHeight {
  return MAX_VIDEO_HEIGHTS.some((h) => h === value);
}

/** Reads what storage gave back (anything, possibly from an older version); unknown parts keep the defaults. */
export function parseReceivePreferences(value: unknown): ReceivePreferences {
  if (typeof value !== 'object' || value === null) return DEFAULT_RECEIVE_PREFERENCES;
  const { maxVideoHeight, lowBandwidth } = value as Record<string, unknown>;
  return {
    maxVideoHeight: isMaxVideoHeight(maxVideoHeight) ? maxVideoHeight : DEFAULT_RECEIVE_PREFERENCES.maxVideoHeight,
    lowBandwidth: typeof lowBandwidth === 'boolean' ? lowBandwidth : DEFAULT_RECEIVE_PREFERENCES.lowBandwidth,
  };
}

export function receiveConstraintsBody(preferences: ReceivePreferences): SetReceiveConstraintsBody {
  return { maxVideoHeight: preferences.maxVideoHeight, lowBandwidth: preferences.lowBandwidth };
}
