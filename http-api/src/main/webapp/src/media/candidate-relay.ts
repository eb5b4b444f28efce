import type { PeerConnectionKind, TrickleCandidateBody } from '../signal/protocol';
import type { IceCandidate } from './rtc';

/**
 * Trickle ICE for one connection: candidates found before the connection's description went to
 * the server are held back (the server could not place them yet), then passed on in order; later
 * ones go straight through. Every candidate is sent, mDNS (".local") ones included: the server
 * ignores what it cannot use.
 */
export class CandidateRelay {
  private held: IceCandidate[] | null = [];

  constructor(
    private readonly connection: PeerConnectionKind,
    private readonly send: (body: TrickleCandidateBody) => void,
  ) {}

  candidate(candidate: IceCandidate): void {
    if (this.held) this.held.push(candidate);
    else this.forward(candidate);
  }

  /** The description is on its way: release what was held and stop holding. */
  descriptionSent(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const candidate of held) this.forward(candidate);
  }

  private forward(candidate: IceCandidate): void {
    this.send({ connection: this.connection, candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? '' });
  }
}
