/**
 * Where the tiles and screen shares of the conference go: a near-square grid in tile view, one
 * large picture with the others in a strip in speaker view. Pure: the component only applies it.
 */

/** A computer (or tablet) screen, or a phone held upright. */
export type FormFactor = 'desktop' | 'phone';

export interface GridLayout {
  readonly columns: number;
  readonly rows: number;
}

/** The most columns a phone's width takes before tiles get too small to recognise a face. */
const PHONE_MAX_COLUMNS = 3;

/**
 * Columns and rows for this many tiles (at least one). On a computer the grid stays near square
 * and fits the window (1, 2x1, 2x2, 3x2, 3x3 ... 5x5 for 25); on a phone, tall and narrow: one
 * column for one or two people, two up to eight, then three (the page scrolls down, never across).
 */
export function gridLayout(count: number, form: FormFactor): GridLayout {
  const n = Math.max(1, Math.floor(count));
  let columns: number;
  if (form === 'phone') columns = n <= 2 ? 1 : n <= 8 ? 2 : PHONE_MAX_COLUMNS;
  else columns = Math.ceil(Math.sqrt(n));
  return { columns, rows: Math.ceil(n / columns) };
}

export type ViewMode = 'tile' | 'speaker';

export interface StageInput {
  readonly view: ViewMode;
  /** Every tile, in the order they are shown (oneself first). */
  readonly tiles: readonly string[];
  readonly selfId: string | undefined;
  /** Whether someone shares a screen. */
  readonly hasScreens: boolean;
  /** The remote participant heard most, if any has been. */
  readonly activeSpeaker: string | undefined;
}

export type StagePlan =
  /** Tile view: screen shares (if any) large, above the grid of every tile. */
  | { readonly kind: 'grid'; readonly grid: readonly string[] }
  /** Speaker view: one large picture (the screen shares, or a person), everyone else in a strip. */
  | { readonly kind: 'speaker'; readonly main: 'screens' | string; readonly strip: readonly string[] };

/**
 * Speaker view shows, large, what matters most now: a screen share, else the active speaker,
 * else the first other person (before anyone spoke), else oneself (alone in the room).
 */
export function planStage(input: StageInput): StagePlan {
  if (input.view === 'tile') return { kind: 'grid', grid: input.tiles };
  if (input.hasScreens) return { kind: 'speaker', main: 'screens', strip: input.tiles };
  const present = (id: string | undefined): id is string => id !== undefined && input.tiles.includes(id);
  const main = present(input.activeSpeaker)
    ? input.activeSpeaker
    : input.tiles.find((id) => id !== input.selfId) ?? input.tiles[0];
  if (main === undefined) return { kind: 'speaker', main: 'screens', strip: [] };
  return { kind: 'speaker', main, strip: input.tiles.filter((id) => id !== main) };
}
