package io.annal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-stream-prefix access when security is on, written {@code who=prefix:access} and separated
 * by commas: {@code reader=account-:read, alice=order-:write}. {@code who} is a role (everyone
 * holding it) or a caller's name (a token's {@code sub}); {@code access} is {@code read} or {@code
 * write} (write includes read). With no rules, roles alone decide. With rules, a caller that is
 * not an admin reaches a stream only through a rule naming it or its role.
 */
public final class StreamRules {

    private record Rule(String who, String prefix, boolean write) {}

    private final List<Rule> rules;

    private StreamRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: roles alone decide. */
    public static StreamRules none() {
        return new StreamRules(List.of());
    }

    /** Reads rules; throws {@link IllegalArgumentException} saying which entry is wrong and how. */
    public static StreamRules parse(String spec) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int eq = text.indexOf('=');
            int colon = text.lastIndexOf(':');
            if (eq <= 0 || colon < eq) {
                throw new IllegalArgumentException(
                        "a stream rule looks like who=prefix:read or who=prefix:write (got '" + text + "')");
            }
            String access = text.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (!access.equals("read") && !access.equals("write")) {
                throw new IllegalArgumentException(
                        "a stream rule's access is read or write (got '" + access + "' in '" + text + "')");
            }
            String who = text.substring(0, eq).strip();
            String prefix = text.substring(eq + 1, colon).strip();
            rules.add(new Rule(who, prefix, access.equals("write")));
        }
        return new StreamRules(rules);
    }

    boolean active() {
        return !rules.isEmpty();
    }

    /** Whether {@code caller} may read (or write) {@code stream}. */
    boolean allows(Caller caller, String stream, boolean write) {
        if (!active() || caller.role() == Role.ADMIN) {
            return true;
        }
        for (Rule rule : rules) {
            if (applies(rule, caller) && stream.startsWith(rule.prefix()) && (rule.write() || !write)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code caller} may read everything {@code prefixes} select; none selects all streams. */
    boolean allowsPrefixes(Caller caller, List<String> prefixes) {
        if (!active() || caller.role() == Role.ADMIN) {
            return true;
        }
        return !prefixes.isEmpty() && prefixes.stream().allMatch(p -> allows(caller, p, false));
    }

    private static boolean applies(Rule rule, Caller caller) {
        return rule.who().equals(caller.name())
                || Role.parse(rule.who()).map(r -> caller.role().includes(r)).orElse(false);
    }
}
