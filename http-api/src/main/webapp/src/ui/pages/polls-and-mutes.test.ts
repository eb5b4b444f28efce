// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { WireParticipant, WirePoll } from '../../signal/protocol';
import { ada, bob, RoomHarness } from '../../test-support/room-harness';

const guestAda: WireParticipant = { ...ada, role: 'ROLE_PARTICIPANT' };
const talkingBob: WireParticipant = { ...bob, audioMuted: false };
const lunch: WirePoll = {
  pollId: 'poll-1', question: 'Lunch?', choices: ['Pizza', 'Soup'], creatorParticipantId: 'p-bob', creatorDisplayName: 'Bob',
  counts: [1, 0], myChoice: -1,
};

let room: RoomHarness;

beforeEach(() => {
  room = new RoomHarness('en');
});

function openPolls(): void {
  room.byTestId('toggle-chat')?.click();
  room.byTestId('chat-tab-polls')?.click();
}

function typeInto(testId: string, value: string): void {
  const input = room.byTestId<HTMLInputElement>(testId);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('polls', () => {
  it('theCreatePollFormSendsTheQuestionItsChoicesAndAnonymity', async () => {
    await room.enter();
    openPolls();
    expect(room.visible(room.byTestId('polls-panel'))).toBe(true);
    expect(room.visible(room.byTestId('chat-panel'))).toBe(false);
    room.byTestId('create-poll')?.click();
    typeInto('poll-question', 'Lunch?');
    typeInto('poll-choice-0', 'Pizza');
    typeInto('poll-choice-1', 'Soup');
    room.byTestId('poll-add-choice')?.click();
    typeInto('poll-choice-2', 'Salad');
    room.byTestId('poll-anonymous')?.click();
    room.byTestId('poll-submit')?.click();
    expect(room.socket().last()).toMatchObject({ createPoll: { question: 'Lunch?', choices: ['Pizza', 'Soup', 'Salad'], anonymous: true } });
    expect(room.visible(room.byTestId('poll-form'))).toBe(false);
  });

  it('choicesCanBeRemovedDownToTwoAndAddedUpToTen', async () => {
    await room.enter();
    openPolls();
    room.byTestId('create-poll')?.click();
    expect(room.byTestId('poll-remove-choice-0')).toBeNull();
    for (let i = 0; i < 8; i++) room.byTestId('poll-add-choice')?.click();
    expect(room.byTestId('poll-choice-9')).not.toBeNull();
    expect(room.byTestId<HTMLButtonElement>('poll-add-choice')?.disabled).toBe(true);
    room.byTestId('poll-remove-choice-9')?.click();
    expect(room.byTestId('poll-choice-9')).toBeNull();
    expect(room.byTestId<HTMLButtonElement>('poll-add-choice')?.disabled).toBe(false);
  });

  it('aPollCardVotesShowsLiveCountsAndPercentagesAndAChangedVote', async () => {
    await room.enter();
    openPolls();
    room.socket().receive({ pollUpdated: { poll: lunch } });
    expect(room.byTestId('poll-poll-1')?.textContent).toContain('Lunch?');
    expect(room.byTestId('poll-count-poll-1-0')?.textContent).toBe('1 (100%)');
    room.byTestId('poll-vote-poll-1-1')?.click();
    expect(room.socket().last()).toMatchObject({ votePoll: { pollId: 'poll-1', choice: 1 } });
    room.socket().receive({ pollUpdated: { poll: { ...lunch, counts: [1, 1], myChoice: 1 } } });
    expect(room.byTestId('poll-count-poll-1-1')?.textContent).toBe('1 (50%)');
    expect(room.byTestId('poll-vote-poll-1-1')?.getAttribute('aria-pressed')).toBe('true');
    room.byTestId('poll-vote-poll-1-0')?.click();
    expect(room.socket().last()).toMatchObject({ votePoll: { pollId: 'poll-1', choice: 0 } });
  });

  it('theCreatorOrAModeratorClosesAPollAndAClosedPollKeepsItsResultsWithoutVoting', async () => {
    await room.enter(guestAda, bob);
    openPolls();
    room.socket().receive({ pollUpdated: { poll: lunch } });
    expect(room.byTestId('poll-close-poll-1')).toBeNull();
    room.socket().receive({ pollUpdated: { poll: { ...lunch, pollId: 'poll-2', creatorParticipantId: 'p-ada' } } });
    room.byTestId('poll-close-poll-2')?.click();
    expect(room.socket().last()).toMatchObject({ closePoll: { pollId: 'poll-2' } });
    room.socket().receive({ pollUpdated: { poll: { ...lunch, pollId: 'poll-2', creatorParticipantId: 'p-ada', closed: true } } });
    expect(room.byTestId('poll-vote-poll-2-0')).toBeNull();
    expect(room.byTestId('poll-close-poll-2')).toBeNull();
    expect(room.byTestId('poll-count-poll-2-0')?.textContent).toBe('1 (100%)');
    expect(room.byTestId('poll-closed-poll-2')?.textContent).toBe('Closed');
  });

  it('aPollWithOneChoiceIsNotSentAndTheFormSaysWhy', async () => {
    await room.enter();
    openPolls();
    room.byTestId('create-poll')?.click();
    typeInto('poll-question', 'Lunch?');
    typeInto('poll-choice-0', 'Pizza');
    const sent = room.socket().sent.length;
    room.byTestId('poll-submit')?.click();
    expect(room.socket().sent).toHaveLength(sent);
    expect(room.byTestId('poll-error')?.textContent).toBe('Check the question and the choices (2 to 10, all different).');
    expect(room.visible(room.byTestId('poll-form'))).toBe(true);
  });

  it('aRefusedVoteSaysThePollIsClosed', async () => {
    await room.enter();
    openPolls();
    room.socket().receive({ pollUpdated: { poll: lunch } });
    room.byTestId('poll-vote-poll-1-0')?.click();
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'REFUSED', message: 'this poll is closed' } });
    expect(room.byTestId('poll-error')?.textContent).toBe('This poll is closed.');
  });
});

describe('mutes', () => {
  it('aModeratorMutesOneParticipantFromTheActionsMenuOrEveryone', async () => {
    await room.enter(ada, talkingBob);
    room.byTestId('participant-actions-p-bob')?.click();
    room.byTestId('mute-audio')?.click();
    expect(room.socket().last()).toMatchObject({ muteParticipant: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    room.byTestId('participant-actions-p-bob')?.click();
    room.byTestId('mute-video')?.click();
    expect(room.socket().last()).toMatchObject({ muteParticipant: { participantId: 'p-bob', kind: 'MUTE_KIND_VIDEO' } });
    // The participants panel is open on a roomy desktop.
    expect(room.visible(room.byTestId('mute-everyone-audio'))).toBe(true);
    room.byTestId('mute-everyone-audio')?.click();
    expect(room.socket().last()).toEqual({ requestId: room.socket().last().requestId, muteParticipant: { kind: 'MUTE_KIND_AUDIO' } });
    room.byTestId('mute-everyone-video')?.click();
    expect(room.socket().last()).toMatchObject({ muteParticipant: { kind: 'MUTE_KIND_VIDEO' } });
  });

  it('nonModeratorsGetNoMuteControls', async () => {
    await room.enter(guestAda, talkingBob);
    expect(room.visible(room.byTestId('participants-panel'))).toBe(true);
    expect(room.visible(room.byTestId('mute-everyone-audio'))).toBe(false);
    expect(room.byTestId('participant-actions-p-bob')?.hidden).toBe(true);
  });

  it('mutedByAModeratorTurnsTheMicrophoneOffHereAndSaysSo', async () => {
    await room.enter(guestAda, bob);
    expect(room.byTestId('toggle-mic')?.getAttribute('aria-pressed')).toBe('false');
    room.socket().receive({ mutedByModerator: { participantIds: ['p-ada'], kind: 'MUTE_KIND_AUDIO' } });
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
    expect(room.byTestId('toggle-mic')?.getAttribute('aria-pressed')).toBe('true');
    expect(room.byTestId('toast')?.textContent).toBe('A moderator muted you');
  });

  it('underAskToUnmuteTheMicButtonAsksAndUnmutesOnceAllowed', async () => {
    await room.enter(guestAda, bob);
    room.socket().receive({ mediaPolicyChanged: { policy: { askToUnmuteAudio: true } } });
    room.socket().receive({ mutedByModerator: { participantIds: ['p-ada'], kind: 'MUTE_KIND_AUDIO' } });
    room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
    const ask = room.byTestId<HTMLButtonElement>('ask-to-unmute');
    expect(room.visible(ask)).toBe(true);
    expect(ask?.textContent).toBe('Ask to unmute');
    room.byTestId('toggle-mic')?.click();
    expect(room.socket().last()).toMatchObject({ askToUnmute: { kind: 'MUTE_KIND_AUDIO' } });
    room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
    expect(ask?.textContent).toBe('Asked to unmute');
    expect(ask?.disabled).toBe(true);
    room.socket().receive({ unmuteAllowed: { participantId: 'p-ada', kind: 'MUTE_KIND_AUDIO' } });
    expect(room.visible(ask)).toBe(false);
    room.byTestId('toggle-mic')?.click();
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: false } });
  });

  it('aRefusedSelfUnmuteTurnsTheMicrophoneBackOffAndOffersToAsk', async () => {
    await room.enter({ ...guestAda, audioMuted: true }, bob);
    room.byTestId('toggle-mic')?.click();
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: false } });
    room.socket().receive({ requestId: room.socket().last().requestId, error: { code: 'FORBIDDEN', message: 'ask a moderator' } });
    expect(room.socket().last()).toMatchObject({ setMedia: { audioMuted: true } });
    expect(room.visible(room.byTestId('ask-to-unmute'))).toBe(true);
    expect(room.byTestId('toggle-mic')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('moderatorsSeeUnmuteAsksAndAllowThem', async () => {
    await room.enter(ada, bob);
    expect(room.visible(room.byTestId('unmute-asks'))).toBe(false);
    room.socket().receive({ unmuteAsked: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    expect(room.visible(room.byTestId('unmute-asks'))).toBe(true);
    expect(room.byTestId('unmute-asks')?.textContent).toContain('Bob: microphone');
    room.byTestId('allow-unmute-p-bob-audio')?.click();
    expect(room.socket().last()).toMatchObject({ allowUnmute: { participantId: 'p-bob', kind: 'MUTE_KIND_AUDIO' } });
    room.socket().receive({ requestId: room.socket().last().requestId, ack: {} });
    expect(room.byTestId('allow-unmute-p-bob-audio')).toBeNull();
  });

  it('theSecurityDialogSetsTheMediaPolicy', async () => {
    await room.enter();
    room.byTestId('security-button')?.click();
    const ask = room.byTestId<HTMLInputElement>('policy-ask-audio');
    expect(ask?.checked).toBe(false);
    ask?.click();
    expect(room.socket().last()).toMatchObject({
      setMediaPolicy: { policy: { startAudioMuted: false, startVideoMuted: false, askToUnmuteAudio: true, askToUnmuteVideo: false } },
    });
    room.socket().receive({ mediaPolicyChanged: { policy: { startVideoMuted: true } } });
    expect(room.byTestId<HTMLInputElement>('policy-start-video-muted')?.checked).toBe(true);
    expect(room.byTestId<HTMLInputElement>('policy-ask-audio')?.checked).toBe(false);
  });
});
