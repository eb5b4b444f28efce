import { describe, expect, it } from 'vitest';
import { gridLayout, planStage } from './layout';

describe('gridLayout', () => {
  it('onAComputerKeepsANearSquareGridFromOneToTwentyFiveTiles', () => {
    const shapes = Array.from({ length: 25 }, (_, i) => {
      const { columns, rows } = gridLayout(i + 1, 'desktop');
      return `${columns}x${rows}`;
    });
    expect(shapes).toEqual([
      '1x1', '2x1', '2x2', '2x2', '3x2', '3x2', '3x3', '3x3', '3x3',
      '4x3', '4x3', '4x3', '4x4', '4x4', '4x4', '4x4',
      '5x4', '5x4', '5x4', '5x4', '5x5', '5x5', '5x5', '5x5', '5x5',
    ]);
  });

  it('onAPhoneStaysNarrowAndNeverGoesBeyondThreeColumns', () => {
    const shapes = Array.from({ length: 25 }, (_, i) => {
      const { columns, rows } = gridLayout(i + 1, 'phone');
      return `${columns}x${rows}`;
    });
    expect(shapes).toEqual([
      '1x1', '1x2', '2x2', '2x2', '2x3', '2x3', '2x4', '2x4',
      '3x3', '3x4', '3x4', '3x4', '3x5', '3x5', '3x5', '3x6', '3x6', '3x6',
      '3x7', '3x7', '3x7', '3x8', '3x8', '3x8', '3x9',
    ]);
  });

  it('everyTileHasACellAndNoRowIsEmpty', () => {
    for (const form of ['desktop', 'phone'] as const) {
      for (let n = 1; n <= 25; n++) {
        const { columns, rows } = gridLayout(n, form);
        expect(columns * rows, `${form} ${n}`).toBeGreaterThanOrEqual(n);
        expect(columns * (rows - 1), `${form} ${n}`).toBeLessThan(n);
      }
    }
  });

  it('anEmptyRoomStillHasOneCell', () => {
    expect(gridLayout(0, 'desktop')).toEqual({ columns: 1, rows: 1 });
  });
});

describe('planStage', () => {
  const tiles = ['me', 'ada', 'bob', 'cy'];
  const base = { tiles, selfId: 'me', hasScreens: false, activeSpeaker: undefined };

  it('tileViewPutsEveryoneInTheGrid', () => {
    expect(planStage({ ...base, view: 'tile' })).toEqual({ kind: 'grid', grid: tiles });
  });

  it('speakerViewShowsTheActiveSpeakerLargeAndTheOthersInTheStrip', () => {
    expect(planStage({ ...base, view: 'speaker', activeSpeaker: 'bob' })).toEqual({ kind: 'speaker', main: 'bob', strip: ['me', 'ada', 'cy'] });
  });

  it('beforeAnyoneSpeaksTheFirstOtherPersonIsLarge', () => {
    expect(planStage({ ...base, view: 'speaker' })).toEqual({ kind: 'speaker', main: 'ada', strip: ['me', 'bob', 'cy'] });
    expect(planStage({ ...base, view: 'speaker', activeSpeaker: 'gone' })).toMatchObject({ main: 'ada' });
  });

  it('aloneOneSeesOneself', () => {
    expect(planStage({ ...base, tiles: ['me'], view: 'speaker' })).toEqual({ kind: 'speaker', main: 'me', strip: [] });
  });

  it('aScreenShareTakesTheLargePlaceAndEveryoneGoesToTheStrip', () => {
    expect(planStage({ ...base, view: 'speaker', hasScreens: true, activeSpeaker: 'bob' })).toEqual({ kind: 'speaker', main: 'screens', strip: tiles });
  });
});
