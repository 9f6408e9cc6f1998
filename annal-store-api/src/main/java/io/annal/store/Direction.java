package io.annal.store;

/** Which way a read goes. */
public enum Direction {
    FORWARD,
    BACKWARD
}
