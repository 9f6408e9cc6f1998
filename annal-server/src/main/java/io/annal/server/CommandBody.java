package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.annal.http.CommandInputException;

/** Reads the fields of a command's JSON body, refusing missing or mistyped ones with a 400. */
final class CommandBody {

    private final JsonNode body;

    private CommandBody(JsonNode body) {
        this.body = body;
    }

    static CommandBody of(JsonNode body) {
        return new CommandBody(body);
    }

    String text(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new CommandInputException("the command needs '" + field + "' (a string)");
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new CommandInputException("'" + field + "' must be a non-empty string");
        }
        if (value.textValue().length() > 150) {
            throw new CommandInputException("'" + field + "' must be at most 150 characters");
        }
        return value.textValue();
    }

    /** An identifier that becomes part of a stream name: no control characters, no '$' start. */
    String id(String field) {
        String id = text(field);
        if (id.startsWith("$") || id.chars().anyMatch(Character::isISOControl)) {
            throw new CommandInputException("'" + field + "' must not start with '$' or hold control characters");
        }
        return id;
    }

    long integer(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw new CommandInputException("the command needs '" + field + "' (an integer)");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new CommandInputException("'" + field + "' must be an integer");
        }
        return value.longValue();
    }

    long integer(String field, long whenAbsent) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? whenAbsent : integer(field);
    }

    JsonNode array(String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw new CommandInputException("the command needs '" + field + "' (an array)");
        }
        return value;
    }
}
