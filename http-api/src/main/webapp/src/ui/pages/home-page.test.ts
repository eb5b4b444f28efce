// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { rememberRecentRoom } from '../../app/storage';
import { createLocale } from '../../i18n/i18n';
import { mountHomePage } from './home-page';

let root: HTMLElement;
let navigatedTo: string[];

const byTestId = <E extends HTMLElement = HTMLElement>(id: string) => root.querySelector<E>(`[data-testid="${id}"]`);

function mount(): void {
  mountHomePage(root, createLocale('en'), { navigate: (path) => navigatedTo.push(path) });
}

beforeEach(() => {
  localStorage.clear();
  navigatedTo = [];
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.appendChild(root);
});

describe('home page', () => {
  it('goesToTheTypedRoom', () => {
    mount();
    const input = byTestId<HTMLInputElement>('room-input');
    if (input) input.value = '  Team.Meeting  ';
    byTestId<HTMLButtonElement>('go-button')?.click();
    expect(navigatedTo).toEqual(['/Team.Meeting']);
  });

  it('suggestsAGeneratedNameAndGoesThere', () => {
    mount();
    byTestId<HTMLButtonElement>('generate-room')?.click();
    const name = byTestId<HTMLInputElement>('room-input')?.value ?? '';
    expect(name).toMatch(/^([A-Z][a-z]+){4}\d\d$/);
    byTestId<HTMLButtonElement>('go-button')?.click();
    expect(navigatedTo).toEqual([`/${name}`]);
  });

  it('explainsWhatIsWrongInsteadOfGoingToAnInvalidRoom', () => {
    mount();
    byTestId<HTMLButtonElement>('go-button')?.click();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Type a room name or take a suggested one.');
    const input = byTestId<HTMLInputElement>('room-input');
    if (input) input.value = 'two words';
    byTestId<HTMLButtonElement>('go-button')?.click();
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(navigatedTo).toEqual([]);
  });

  it('listsRecentRoomsAsLinksNewestFirst', () => {
    mount();
    expect(byTestId('recent-rooms')?.closest('section')?.hidden).toBe(true);
    rememberRecentRoom('Alpha', 1);
    rememberRecentRoom('Beta', 2);
    mount();
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-testid="recent-room"]')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Beta', '/Beta'], ['Alpha', '/Alpha']]);
  });

  it('linksToTheSelfTest', () => {
    mount();
    expect(byTestId<HTMLAnchorElement>('self-test-link')?.getAttribute('href')).toBe('/self-test');
  });
});
