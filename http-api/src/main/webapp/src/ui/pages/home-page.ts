import { roomPath, SELF_TEST_PATH } from '../../app/router';
import { forgetRecentRooms, loadRecentRooms } from '../../app/storage';
import type { Locale } from '../../i18n/i18n';
import { generateRoomName, ROOM_NAME_MAX_LENGTH, roomNameProblem } from '../../rooms/room-name';
import { el, replaceChildren, setText, show, uniqueId } from '../dom';
import { icon } from '../components/icons';
import { createSiteHeader } from './site-header';

export interface HomePageDeps {
  navigate(path: string): void;
}

/** "/": pick a room (typed or generated) and go there; recently visited rooms as links. */
export function mountHomePage(root: HTMLElement, t: Locale, deps: HomePageDeps): void {
  document.title = t.t('app.name');
  const inputId = uniqueId('room');
  const ruleId = uniqueId('room-rule');
  const errorId = uniqueId('room-error');

  const input = el('input', {
    class: 'input input-large',
    attrs: {
      id: inputId,
      type: 'text',
      name: 'room',
      maxlength: ROOM_NAME_MAX_LENGTH,
      autocomplete: 'off',
      autocapitalize: 'off',
      spellcheck: 'false',
      placeholder: t.m('home.roomPlaceholder'),
      'aria-describedby': ruleId,
      'data-testid': 'room-input',
    },
  });
  const rule = el('p', { class: 'field-hint', text: t.m('roomName.rule', { max: ROOM_NAME_MAX_LENGTH }), attrs: { id: ruleId } });
  const error = el('p', { class: 'field-error', attrs: { id: errorId, role: 'alert' } });

  const suggest = el('button', {
    class: 'button',
    attrs: { type: 'button', 'data-testid': 'generate-room' },
    on: {
      click: () => {
        input.value = generateRoomName();
        clearError();
        input.focus();
      },
    },
  }, [icon('dice'), el('span', { text: t.m('home.suggest') })]);

  const form = el('form', {
    class: 'panel home-form',
    attrs: { novalidate: true },
    on: {
      submit: (event) => {
        event.preventDefault();
        const name = input.value.trim();
        const problem = roomNameProblem(name);
        if (problem) {
          setText(error, problem === 'required' ? t.m('roomName.required') : t.m('roomName.rule', { max: ROOM_NAME_MAX_LENGTH }));
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', `${errorId} ${ruleId}`);
          input.focus();
          return;
        }
        deps.navigate(roomPath(name));
      },
    },
  }, [
    el('label', { class: 'label', text: t.m('home.roomLabel'), attrs: { for: inputId } }),
    el('div', { class: 'room-picker' }, [
      input,
      suggest,
      el('button', { class: 'button button-primary button-large', text: t.m('home.go'), attrs: { type: 'submit', 'data-testid': 'go-button' } }),
    ]),
    error,
    rule,
  ]);
  input.addEventListener('input', clearError);

  function clearError(): void {
    setText(error, '');
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', ruleId);
  }

  root.replaceChildren(
    createSiteHeader(t, root, () => {
      document.title = t.t('app.name');
    }),
    el('main', { class: 'home', attrs: { id: 'main' } }, [
      el('h1', { class: 'home-title', text: t.m('home.title') }),
      el('p', { class: 'home-tagline', text: t.m('app.tagline') }),
      form,
      createRecentRooms(t),
      el('p', { class: 'home-self-test' }, [
        el('a', { text: t.m('selftest.link'), attrs: { href: SELF_TEST_PATH, 'data-testid': 'self-test-link' } }),
      ]),
    ]),
  );
  input.focus();
}

function createRecentRooms(t: Locale): HTMLElement {
  const headingId = uniqueId('recent');
  const list = el('ul', { class: 'recent-rooms', attrs: { 'data-testid': 'recent-rooms' } });
  const section = el('section', { class: 'panel recent', attrs: { 'aria-labelledby': headingId } });
  const render = () => {
    const rooms = loadRecentRooms();
    replaceChildren(list, rooms.map((room) => el('li', {}, [
      el('a', { class: 'recent-room', text: room.name, attrs: { href: roomPath(room.name), 'data-testid': 'recent-room', 'data-i18n-skip': true } }),
    ])));
    show(section, rooms.length > 0);
  };
  replaceChildren(section, [
    el('h2', { class: 'panel-title', text: t.m('home.recent.title'), attrs: { id: headingId } }),
    list,
    el('button', {
      class: 'button button-ghost button-small',
      text: t.m('home.recent.clear'),
      attrs: { type: 'button' },
      on: {
        click: () => {
          forgetRecentRooms();
          render();
        },
      },
    }),
  ]);
  render();
  return section;
}
