/**
 * JSEP session descriptions, as far as an SFU needs them.
 *
 * <p>{@link org.parley.media.sdp.SessionDescription} parses and writes browser SDP verbatim (every line
 * kept in order, so unknown attributes survive) and reads the typed attributes an SFU acts on. On top
 * of it sit the two negotiations of a participant: {@link org.parley.media.sdp.PublishAnswer} answers
 * the browser's offer for the peer connection it sends on (and tells the SFU which tracks arrive,
 * {@link org.parley.media.sdp.PublishedTracks}); {@link org.parley.media.sdp.SubscribeOffer} is the
 * SFU's own offer for the peer connection it sends forwarded tracks on, renegotiated as tracks come
 * and go. Everything a browser sends fails, if it fails, with the checked
 * {@link org.parley.media.sdp.SdpException}.
 *
 * <p>Signalling-time code: it allocates freely and never runs per packet.
 */
package org.parley.media.sdp;
