package org.parley.engine.conference;

/**
 * A room's rules for microphones and cameras: whether newcomers start muted / with the camera off,
 * and whether a muted participant must ask a moderator before turning it back on. Moderators are
 * exempt from all four.
 */
public record MediaPolicy(boolean startAudioMuted, boolean startVideoMuted, boolean askToUnmuteAudio, boolean askToUnmuteVideo) {

    public static final MediaPolicy OPEN = new MediaPolicy(false, false, false, false);

    public boolean askToUnmute(MuteKind kind) {
        return kind == MuteKind.AUDIO ? askToUnmuteAudio : askToUnmuteVideo;
    }
}
