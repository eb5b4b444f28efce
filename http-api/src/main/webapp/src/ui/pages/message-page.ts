import type { Locale } from '../../i18n/i18n';
import { ROOM_NAME_MAX_LENGTH } from '../../rooms/room-name';
import { el } from '../dom';
import { createNoticePanel } from '../components/notice-panel';
import { createSiteHeader } from './site-header';

/** Addresses that lead nowhere: more than one path segment, or a segment that is no room name. */
export function mountMessagePage(root: HTMLElement, t: Locale, kind: 'not-found' | 'invalid-room'): void {
  const title = () => t.m(kind === 'not-found' ? 'app.notFound.title' : 'app.invalidRoom.title');
  const body = kind === 'not-found' ? t.m('app.notFound.body') : t.m('roomName.rule', { max: ROOM_NAME_MAX_LENGTH });
  const setTitle = () => {
    document.title = `${title().text} · ${t.t('app.name')}`;
  };
  setTitle();
  root.replaceChildren(
    createSiteHeader(t, root, setTitle),
    el('main', { class: 'narrow', attrs: { id: 'main' } }, [
      createNoticePanel(title(), body, [el('a', { class: 'button button-primary', text: t.m('app.backHome'), attrs: { href: '/' } })], kind),
    ]),
  );
}
