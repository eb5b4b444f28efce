package org.parley.http.signal;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.parley.engine.conference.LeaveReason;
import org.parley.engine.conference.Member;
import org.parley.engine.conference.Role;
import org.parley.engine.conference.RoomUpdate;
import org.parley.engine.rooms.ConferenceView;
import org.parley.engine.rooms.JoinedSession;
import org.parley.engine.rooms.RosterEntry;
import org.parley.http.signal.v1.Conference;
import org.parley.http.signal.v1.ConferenceEnded;
import org.parley.http.signal.v1.Error;
import org.parley.http.signal.v1.Joined;
import org.parley.http.signal.v1.Participant;
import org.parley.http.signal.v1.ParticipantJoined;
import org.parley.http.signal.v1.ParticipantLeft;
import org.parley.http.signal.v1.ParticipantUpdated;
import org.parley.http.signal.v1.RoleChanged;
import org.parley.http.signal.v1.ServerMessage;

/** Domain -> signalling v1 messages; the only place that knows both. */
final class SignalMapping {

    private SignalMapping() {}

    static ServerMessage joined(String requestId, JoinedSession session, long heartbeatMillis) {
        return ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setJoined(Joined.newBuilder()
                        .setParticipantId(session.participant().value())
                        .setResumeToken(session.resumeToken().value())
                        .setRole(role(session.role()))
                        .setConference(conference(session.conference()))
                        .setHeartbeatIntervalMillis(heartbeatMillis))
                .build();
    }

    static ServerMessage update(RoomUpdate update) {
        ServerMessage.Builder message = ServerMessage.newBuilder();
        if (update instanceof RoomUpdate.MemberJoined u) {
            message.setParticipantJoined(ParticipantJoined.newBuilder().setParticipant(newcomer(u.member())));
        } else if (update instanceof RoomUpdate.MemberLeft u) {
            message.setParticipantLeft(ParticipantLeft.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setReason(leaveReason(u.reason())));
        } else if (update instanceof RoomUpdate.ParticipantUpdated u) {
            message.setParticipantUpdated(ParticipantUpdated.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setDisplayName(u.displayName())
                    .setLanguage(u.language())
                    .setAudioMuted(u.audioMuted())
                    .setVideoMuted(u.videoMuted()));
        } else if (update instanceof RoomUpdate.RoleChanged u) {
            message.setRoleChanged(RoleChanged.newBuilder()
                    .setParticipantId(u.participant().value())
                    .setRole(role(u.role())));
        } else if (update instanceof RoomUpdate.Ended u) {
            message.setConferenceEnded(ConferenceEnded.newBuilder().setReason(u.reason().name()));
        }
        return message.build();
    }

    static ServerMessage error(String requestId, String code, String text) {
        return ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setError(Error.newBuilder().setCode(code).setMessage(text))
                .build();
    }

    private static Conference conference(ConferenceView view) {
        Conference.Builder conference = Conference.newBuilder()
                .setRoom(view.room().value())
                .setInstance(view.instance());
        view.startedAt().ifPresent(at -> conference.setStartedAt(timestamp(at)));
        for (RosterEntry entry : view.roster()) {
            conference.addRoster(Participant.newBuilder()
                    .setId(entry.id().value())
                    .setDisplayName(entry.displayName())
                    .setRole(role(entry.role()))
                    .setLanguage(entry.language())
                    .setAudioMuted(entry.audioMuted())
                    .setVideoMuted(entry.videoMuted())
                    .setJoinedAt(timestamp(entry.joinedAt())));
        }
        return conference.build();
    }

    /** A newcomer's live profile follows in a participantUpdated as soon as it is recorded. */
    private static Participant newcomer(Member member) {
        return Participant.newBuilder()
                .setId(member.id().value())
                .setDisplayName(member.displayNameAtJoin())
                .setRole(role(member.role()))
                .setJoinedAt(timestamp(member.joinedAt()))
                .build();
    }

    private static org.parley.http.signal.v1.Role role(Role role) {
        return switch (role) {
            case MODERATOR -> org.parley.http.signal.v1.Role.ROLE_MODERATOR;
            case PARTICIPANT -> org.parley.http.signal.v1.Role.ROLE_PARTICIPANT;
        };
    }

    private static org.parley.http.signal.v1.LeaveReason leaveReason(LeaveReason reason) {
        return switch (reason) {
            case LEFT -> org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_LEFT;
            case CONNECTION_LOST -> org.parley.http.signal.v1.LeaveReason.LEAVE_REASON_CONNECTION_LOST;
        };
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
