package io.annal.command;

/**
 * Turns a decider's state into snapshot bytes and back. Throwing from {@link #deserialize} is
 * fine: the snapshot is then ignored and the state replayed from events.
 *
 * @param <S> the state type
 */
public interface StateSerializer<S> {

    byte[] serialize(S state);

    S deserialize(byte[] bytes);
}
