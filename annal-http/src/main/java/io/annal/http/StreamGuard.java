package io.annal.http;

import io.annal.store.StreamName;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The stream rules for commands and queries, which name their streams only in the body or the
 * key: checked in the handler, before the command runs or the model is asked. Without rules (or
 * without security, where no caller is known) it lets everything through.
 */
final class StreamGuard {

    private final StreamRules rules;

    StreamGuard(StreamRules rules) {
        this.rules = rules;
    }

    /** Refuses a command unless the caller may write every stream it names; none named: admins only. */
    void checkCommand(ServerRequest req, String type, Supplier<List<StreamName>> named) {
        Optional<Caller> caller = caller(req);
        if (caller.isEmpty()) {
            return;
        }
        List<StreamName> streams = named.get();
        if (streams.isEmpty() && caller.get().role() != Role.ADMIN) {
            throw forbidden(caller.get(), "send command '" + type + "', whose streams are not known in advance");
        }
        for (StreamName stream : streams) {
            if (!rules.allows(caller.get(), stream.value(), true)) {
                throw forbidden(caller.get(), "write stream '" + Requests.shorten(stream.value()) + "'");
            }
        }
    }

    /** Refuses a query unless the caller may read the stream (or, for a search, every stream) behind it. */
    void checkQuery(ServerRequest req, String model, Optional<String> prefix, Optional<String> key) {
        Optional<Caller> caller = caller(req);
        if (caller.isEmpty()) {
            return;
        }
        if (prefix.isEmpty()) {
            if (caller.get().role() != Role.ADMIN) {
                throw forbidden(caller.get(), "query '" + model + "', which is not made of one stream per key");
            }
            return;
        }
        boolean allowed = key.isPresent()
                ? rules.allows(caller.get(), prefix.get() + key.get(), false)
                : rules.allowsPrefixes(caller.get(), List.of(prefix.get()));
        if (!allowed) {
            throw forbidden(
                    caller.get(),
                    key.isPresent()
                            ? "read stream '" + Requests.shorten(prefix.get() + key.get()) + "'"
                            : "search '" + model + "', which needs every stream starting '" + prefix.get() + "'");
        }
    }

    private Optional<Caller> caller(ServerRequest req) {
        return rules.active() ? req.context().get(Caller.class, Caller.class) : Optional.empty();
    }

    private static Problem forbidden(Caller caller, String what) {
        return Problem.of(403, "Forbidden", "no stream rule lets this caller " + what)
                .with("role", caller.role().name().toLowerCase(Locale.ROOT));
    }
}
