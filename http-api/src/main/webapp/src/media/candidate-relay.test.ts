import { describe, expect, it } from 'vitest';
import type { TrickleCandidateBody } from '../signal/protocol';
import { CandidateRelay } from './candidate-relay';

describe('CandidateRelay', () => {
  it('holdsCandidatesUntilTheDescriptionIsSentThenPassesThemOnInOrder', () => {
    const sent: TrickleCandidateBody[] = [];
    const relay = new CandidateRelay('PEER_CONNECTION_KIND_PUBLISH', (b) => sent.push(b));
    relay.candidate({ candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host', sdpMid: '0' });
    relay.candidate({ candidate: 'candidate:2 1 udp 2122260223 abc.local 50001 typ host', sdpMid: null });
    expect(sent).toEqual([]);
    relay.descriptionSent();
    relay.candidate({ candidate: 'candidate:3 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active', sdpMid: '0' });
    expect(sent).toEqual([
      { connection: 'PEER_CONNECTION_KIND_PUBLISH', candidate: 'candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host', sdpMid: '0' },
      { connection: 'PEER_CONNECTION_KIND_PUBLISH', candidate: 'candidate:2 1 udp 2122260223 abc.local 50001 typ host', sdpMid: '' },
      { connection: 'PEER_CONNECTION_KIND_PUBLISH', candidate: 'candidate:3 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active', sdpMid: '0' },
    ]);
  });
});
