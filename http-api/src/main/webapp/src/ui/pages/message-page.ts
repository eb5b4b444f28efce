import type { Translator } from '../../i18n/i18n';
import { ROOM_NAME_MAX_LENGTH } from '../../rooms/room-name';
import { el } from '../dom';
import { createNoticePanel } from '../components/notice-panel';

/** Addresses that lead nowhere: more than one path segment, or a segment that is no room name. */
export function mountMessagePage(root: HTMLElement, t: Translator, kind: 'not-found' | 'invalid-room'): void {
  const title = t.t(kind === 'not-found' ? 'app.notFound.title' : 'app.invalidRoom.title');
  const body = kind === 'not-found' ? t.t('app.notFound.body') : t.t('roomName.rule', { max: ROOM_NAME_MAX_LENGTH });
  document.title = `${title} · ${t.t('app.name')}`;
  root.replaceChildren(
    el('header', { class: 'site-header' }, [el('a', { class: 'brand', text: t.t('app.name'), attrs: { href: '/' } })]),
    el('main', { class: 'narrow', attrs: { id: 'main' } }, [
      createNoticePanel(title, body, [el('a', { class: 'button button-primary', text: t.t('app.backHome'), attrs: { href: '/' } })], kind),
    ]),
  );
}
