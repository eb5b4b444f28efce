import type { AudioModel } from '../../media/stage';
import { el, type Component } from '../dom';
import { attachTrack, play } from '../media-element';

export interface RemoteAudioState {
  audio: readonly AudioModel[];
}

/**
 * One hidden <audio autoplay> per remote participant. If the browser refuses to play sound
 * before the person has clicked in the page (a reloaded tab that went straight back in),
 * onBlocked(true) asks the page to offer a button, whose click calls resume().
 */
export function createRemoteAudio(onBlocked: (blocked: boolean) => void): Component<RemoteAudioState> & { resume(): void } {
  const element = el('div', { class: 'remote-audio', attrs: { hidden: true } });
  const players = new Map<string, HTMLAudioElement>();
  let blocked = false;

  const report = (ok: boolean | undefined) => {
    if (ok === false && !blocked) {
      blocked = true;
      onBlocked(true);
    }
  };

  return {
    element,
    update({ audio }) {
      const present = new Set(audio.map((a) => a.participantId));
      for (const [id, player] of players) {
        if (!present.has(id)) {
          attachTrack(player, null);
          player.remove();
          players.delete(id);
        }
      }
      for (const { participantId, track } of audio) {
        let player = players.get(participantId);
        if (!player) {
          player = el('audio', { attrs: { autoplay: true, 'data-testid': 'remote-audio', 'data-participant-id': participantId } });
          players.set(participantId, player);
          element.appendChild(player);
        }
        void attachTrack(player, track)?.then(report);
      }
    },
    resume() {
      void Promise.all([...players.values()].map(play)).then((results) => {
        if (results.every(Boolean) && blocked) {
          blocked = false;
          onBlocked(false);
        }
      });
    },
  };
}
