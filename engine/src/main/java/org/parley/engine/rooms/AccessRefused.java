package org.parley.engine.rooms;

import org.parley.engine.conference.Denial;

/** The door said no, for a reason the edge turns into a stable code (banned, password...). */
public final class AccessRefused extends Refused {

    private final Denial denial;

    public AccessRefused(Denial denial, String reason) {
        super(reason);
        this.denial = denial;
    }

    public Denial denial() {
        return denial;
    }
}
