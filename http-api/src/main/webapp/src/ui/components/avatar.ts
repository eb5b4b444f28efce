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

/**
 * Fills an avatar element: the picture when there is one (one's own, from the settings), else the
 * initial on a colour. Either is the person's, not words to translate.
 */
export function renderAvatar(element: HTMLElement, name: string, picture: string | null): void {
  element.setAttribute('data-i18n-skip', '');
  const img = element.querySelector('img');
  if (picture) {
    if (img?.getAttribute('src') === picture) return;
    const image = document.createElement('img');
    image.className = 'avatar-image';
    image.alt = '';
    image.src = picture;
    element.replaceChildren(image);
    element.classList.add('has-picture');
  } else {
    const letter = initial(name);
    if (!img && element.textContent === letter) return;
    element.replaceChildren(letter);
    element.classList.remove('has-picture');
  }
}
