/**
 * The little the client reads from an SDP itself: each m-section's mid, kind, port and direction.
 * Used to tell which m-lines of a subscribe offer still carry a track (a recycled or removed
 * m-line has port 0 or a=inactive).
 */
export interface MediaSection {
  readonly mid: string;
  readonly kind: string;
  readonly port: number;
  readonly direction: RTCRtpTransceiverDirection;
}

const DIRECTIONS: ReadonlySet<string> = new Set(['sendrecv', 'sendonly', 'recvonly', 'inactive']);

export function mediaSections(sdp: string): MediaSection[] {
  const sections: MediaSection[] = [];
  let current: { mid: string; kind: string; port: number; direction: RTCRtpTransceiverDirection } | null = null;
  let sessionDirection: RTCRtpTransceiverDirection = 'sendrecv';
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      if (current) sections.push(current);
      const [kind = '', port = '0'] = line.slice(2).split(' ');
      current = { mid: '', kind, port: Number.parseInt(port, 10) || 0, direction: sessionDirection };
    } else if (line.startsWith('a=mid:')) {
      if (current) current.mid = line.slice('a=mid:'.length);
    } else if (line.startsWith('a=') && DIRECTIONS.has(line.slice(2))) {
      // A direction before the first m-line is the session's default for all of them.
      const direction = line.slice(2) as RTCRtpTransceiverDirection;
      if (current) current.direction = direction;
      else sessionDirection = direction;
    }
  }
  if (current) sections.push(current);
  return sections;
}

/** The mids the offerer sends on: a live port and a direction that includes sending. */
export function sendingMids(sdp: string): Set<string> {
  return new Set(
    mediaSections(sdp)
      .filter((s) => s.mid !== '' && s.port !== 0 && (s.direction === 'sendonly' || s.direction === 'sendrecv'))
      .map((s) => s.mid),
  );
}
