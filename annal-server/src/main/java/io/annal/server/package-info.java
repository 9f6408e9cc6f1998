/**
 * The Annal server: reads its options, opens the store, wires the reference domains, read models
 * and processes into the HTTP API and runs it until SIGTERM. {@link AnnalServer} is the door.
 */
package io.annal.server;
