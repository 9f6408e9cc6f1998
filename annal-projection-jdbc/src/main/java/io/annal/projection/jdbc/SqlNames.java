package io.annal.projection.jdbc;

/**
 * The shape of the names handlers give for tables and columns, checked on every row change: a loop
 * over the characters, because a regular expression here was 2–3% of a read model's CPU.
 */
final class SqlNames {

    private SqlNames() {}

    /**
     * Whether {@code name} is 1 to {@code longest} lower-case ASCII letters, digits or '_', starting
     * with a letter, or also with '_' when {@code underscoreFirst}.
     */
    static boolean valid(String name, int longest, boolean underscoreFirst) {
        int length = name.length();
        if (length == 0 || length > longest) {
            return false;
        }
        char first = name.charAt(0);
        if (!(isLetter(first) || (underscoreFirst && first == '_'))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = name.charAt(i);
            if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
