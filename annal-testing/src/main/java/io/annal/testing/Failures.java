package io.annal.testing;

import org.opentest4j.AssertionFailedError;

/** Builds the fixtures' assertion errors; they carry expected and actual for IDE diffs. */
final class Failures {

    private Failures() {}

    static AssertionFailedError mismatch(
            String what, Object expected, Object actual, String expectedText, String actualText) {
        return new AssertionFailedError(
                what + "\nexpected:\n" + expectedText + "\nbut was:\n" + actualText, expected, actual);
    }

    static AssertionFailedError failure(String message) {
        return new AssertionFailedError(message);
    }

    static AssertionFailedError failure(String message, Throwable cause) {
        return new AssertionFailedError(message, cause);
    }
}
