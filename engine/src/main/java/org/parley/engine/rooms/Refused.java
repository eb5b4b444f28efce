package org.parley.engine.rooms;

/** An entity said no, with a reason meant for the person who asked. */
public class Refused extends RuntimeException {
    public Refused(String reason) {
        super(reason, null, false, false);
    }
}
