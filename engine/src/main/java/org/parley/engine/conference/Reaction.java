package org.parley.engine.conference;

/** The small fixed set of reactions shown briefly on a tile. */
public enum Reaction {
    THUMBS_UP,
    CLAP,
    LAUGH,
    SURPRISED,
    HEART,
    PARTY
}
