package org.parley.media.sdp;

/**
 * A typed attribute that knows how to write itself, so builders never assemble attribute text by
 * hand. Parsed attributes are read back through the same types.
 */
public interface SdpAttribute {

    String attributeName();

    /** The text after {@code a=<name>:}; empty for a flag attribute. */
    String attributeValue();

    default SdpLine toLine() {
        String value = attributeValue();
        return value.isEmpty() ? SdpLine.flag(attributeName()) : SdpLine.attribute(attributeName(), value);
    }
}
