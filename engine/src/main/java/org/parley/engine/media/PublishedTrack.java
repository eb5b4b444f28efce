package org.parley.engine.media;

/** A track in a browser's publish offer: which m-line carries which source. */
public record PublishedTrack(String mid, MediaSource source) {}
