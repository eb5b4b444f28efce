/** The initials avatar shared by the roster and the tiles. */

/** The first letter (a whole character, even outside the BMP) of a name. */
export function initial(name: string): string {
  const first = Array.from(name.trim())[0];
  return first === undefined ? '' : first.toLocaleUpperCase();
}

/** A stable colour per participant. */
export function avatarHue(id: string): number {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) % 360;
  return h;
}
