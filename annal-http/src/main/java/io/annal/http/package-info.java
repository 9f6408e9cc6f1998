/**
 * The HTTP API of Annal ({@code spec/http-api.md}): the event store, commands, queries and
 * operations, on Helidon SE with blocking handlers on virtual threads. {@link HttpApi} is the door.
 */
package io.annal.http;
