/**
 * Given/when/then fixtures for JUnit tests of a domain: {@link io.annal.testing.DeciderFixture},
 * {@link io.annal.testing.ViewFixture} and {@link io.annal.testing.ProcessManagerFixture}. They run
 * the pure functions of {@code annal-domain} directly: no store, no mocks. A failed expectation
 * throws an {@link org.opentest4j.AssertionFailedError} that carries the expected and actual values,
 * so IDEs can show a diff.
 */
package io.annal.testing;
