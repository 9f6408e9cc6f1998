package io.annal.projection.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SqlNamesTest {

    private static final String ALPHABET = "abcxyz_0189AZ-. éß\"";

    /** The rule as the error messages state it, written as a regular expression to compare with. */
    @Test
    void accepts_exactly_what_the_stated_rule_accepts() {
        long seed = System.nanoTime();
        System.out.println("accepts_exactly_what_the_stated_rule_accepts seed=" + seed);
        Random random = new Random(seed);
        Pattern logical = Pattern.compile("[a-z][a-z0-9_]{0,39}");
        Pattern column = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(70);
            boolean plain = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                name.append(ALPHABET.charAt(random.nextInt(plain ? 9 : ALPHABET.length())));
            }
            String text = name.toString();
            assertThat(SqlNames.valid(text, 40, false))
                    .as(text)
                    .isEqualTo(logical.matcher(text).matches());
            assertThat(SqlNames.valid(text, 63, true))
                    .as(text)
                    .isEqualTo(column.matcher(text).matches());
        }
    }
}
