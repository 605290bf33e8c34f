package org.peaktrade.protocol;

/**
 * Marker for every message and event that crosses an actor, node or journal boundary. Pekko binds it to
 * the Jackson CBOR serializer; nothing in Peak Trade is ever Java-serialized.
 */
public interface CborSerializable {}
