import type { Translator } from '../i18n/i18n';

export interface InvitationInput {
  readonly room: string;
  /** The room's address, as people open it. */
  readonly link: string;
  /** Who invites; may be blank. */
  readonly inviter: string;
}

/** A ready-to-send invitation, in the inviter's language, to paste into a mail or a chat. */
export function invitationText(t: Translator, { room, link, inviter }: InvitationInput): string {
  const name = inviter.trim();
  return [
    name === '' ? t.t('invite.text.intro') : t.t('invite.text.introNamed', { name }),
    '',
    t.t('invite.text.join', { link }),
    t.t('invite.text.room', { room }),
    '',
    t.t('invite.text.browsers'),
  ].join('\n');
}
