import type { Msg } from '../../i18n/i18n';
import { el, type Child } from '../dom';

/** A short message in a panel with what one can do next (leave, end, not found...). */
export function createNoticePanel(title: Msg, body: Msg | undefined, actions: readonly Child[], testId?: string): HTMLElement {
  return el('section', { class: 'panel notice', attrs: { 'data-testid': testId } }, [
    el('h2', { class: 'panel-title', text: title }),
    body ? el('p', { class: 'notice-body', text: body }) : null,
    el('div', { class: 'actions' }, actions),
  ]);
}
