package io.annal.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.store.EventData;
import io.annal.store.RecordedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps typed events to the store's {@link EventData} and back, as UTF-8 JSON. Each event class is
 * registered under a stable type name and a schema version, so that renaming a class never changes
 * what is stored. The schema version is written to the metadata under {@link
 * Metadata#SCHEMA_VERSION}; on reading, {@link Upcaster}s bring older versions and renamed types to
 * the current shape before binding. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * EventCodec<AccountEvent> codec = EventCodec.builder(AccountEvent.class)
 *         .register(Deposited.class, "Deposited", 2)
 *         .upcaster(Upcaster.of("Deposited", 1, data -> data.put("currency", "EUR")))
 *         .build();
 * }</pre>
 *
 * @param <E> the base type of the events, usually a sealed interface of records
 */
public final class EventCodec<E> {

    private final TypeRegistry<E> registry;
    private final UnknownTypePolicy unknownTypes;

    private EventCodec(TypeRegistry<E> registry, UnknownTypePolicy unknownTypes) {
        this.registry = registry;
        this.unknownTypes = unknownTypes;
    }

    public static <E> Builder<E> builder(Class<E> base) {
        return new Builder<>(base);
    }

    /** Encodes {@code event} with the given id and no metadata but its schema version. */
    public EventData encode(E event, UUID id) {
        return encode(event, id, Metadata.empty());
    }

    /**
     * Encodes {@code event} with the given id and metadata, to which the codec adds the event's
     * schema version (replacing any {@code schemaVersion} given).
     *
     * @throws UnregisteredEventClassException the event's class has no registered type
     */
    public EventData encode(E event, UUID id, Metadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        EventType type = typeOf(event);
        return EventData.of(id, type.name(), data(event, type), metadata.toBytesWithVersion(type.version()));
    }

    /**
     * Encodes {@code event} with metadata of text values, written as they come, plus the schema
     * version: the same bytes as {@link #encode(Object, UUID, Metadata)} with those keys, without
     * building metadata first.
     */
    public EventData encode(E event, UUID id, Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        EventType type = typeOf(event);
        return EventData.of(id, type.name(), data(event, type), MetadataWriter.writeText(metadata, type.version()));
    }

    private static byte[] data(Object event, EventType type) {
        try {
            return WRITERS.get(event.getClass()).writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new CodecException(
                    "could not write " + type + " (" + event.getClass().getName() + ") as JSON: " + Json.describe(e),
                    e);
        }
    }

    // Per class, so that a read or write does not look its (de)serializer up from the type each time.
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return Json.MAPPER.writerFor(type);
        }
    };

    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return Json.MAPPER.readerFor(type);
        }
    };

    /** The current type name and version of {@code event}'s class. */
    public EventType typeOf(E event) {
        Objects.requireNonNull(event, "event");
        return registry.typeOf(event.getClass())
                .orElseThrow(() -> new UnregisteredEventClassException(event.getClass()));
    }

    /** Every registered current type, in registration order. */
    public List<EventType> types() {
        return registry.currentTypes();
    }

    /**
     * Reads a stored event: upcasts and binds it, or, for a type this codec does not know, throws or
     * returns {@link Decoded.Unknown} as the {@link UnknownTypePolicy} says.
     *
     * @throws MalformedEventException the data or metadata cannot be read as the registered type
     * @throws UnknownEventTypeException the type is unknown and the policy is {@code FAIL}
     */
    public Decoded<E> decode(RecordedEvent event) {
        return decode(new Where(event), event.type(), event.data(), event.metadata());
    }

    /** Reads an event that has not been stored yet, exactly as {@link #decode(RecordedEvent)}. */
    public Decoded<E> decode(EventData event) {
        return decode(new Where(event), event.type(), event.data(), event.metadata());
    }

    /**
     * The typed event, for callers that must see every event (a decider's fold): an unknown type
     * throws whatever the policy, since there is no typed value to return.
     */
    public E decodeEvent(RecordedEvent event) {
        Decoded<E> decoded = decode(event);
        return switch (decoded) {
            case Decoded.Known<E> known -> known.event();
            case Decoded.Unknown<E> unknown ->
                throw unknownType(new Where(event.stream() + "@" + event.version()), unknown.type());
        };
    }

    private Decoded<E> decode(Where where, String typeName, byte[] data, byte[] metadataBytes) {
        Metadata metadata;
        int version = MetadataScan.schemaVersion(metadataBytes);
        if (version != MetadataScan.UNSURE) {
            metadata = Metadata.ofChecked(metadataBytes);
        } else {
            try {
                metadata = Metadata.parse(metadataBytes);
            } catch (MalformedEventException e) {
                throw new MalformedEventException("event " + where + " of type " + typeName + ": " + e.getMessage(), e);
            }
            version = storedVersion(metadata, where);
        }
        EventType stored = EventType.of(typeName, version);
        var route = registry.route(stored);
        if (route.isEmpty()) {
            if (unknownTypes == UnknownTypePolicy.FAIL) {
                throw unknownType(where, stored);
            }
            return new Decoded.Unknown<>(stored, tree(data, where, stored), metadata);
        }
        return new Decoded.Known<>(
                bind(route.get(), data, where, stored), route.get().target(), metadata);
    }

    private static int storedVersion(Metadata metadata, Where where) {
        if (metadata.value(Metadata.SCHEMA_VERSION).isEmpty()) {
            return 1;
        }
        return metadata.schemaVersion()
                .orElseThrow(() -> new MalformedEventException("event " + where + ": metadata "
                        + Metadata.SCHEMA_VERSION + " must be a positive integer, got "
                        + metadata.value(Metadata.SCHEMA_VERSION).orElseThrow()));
    }

    private E bind(TypeRegistry.Route<E> route, byte[] data, Where where, EventType stored) {
        try {
            if (route.upcasters().isEmpty() && data.length > 0) {
                E event = READERS.get(route.eventClass()).readValue(data);
                if (event == null) {
                    throw new MalformedEventException("event " + where + " (" + stored + "): data is JSON null,"
                            + " but " + route.eventClass().getName() + " needs an object");
                }
                return event;
            }
            JsonNode node = tree(data, where, stored);
            if (!(node instanceof ObjectNode object)) {
                throw new MalformedEventException("event " + where + " (" + stored + "): data must be a JSON object to"
                        + " be read as " + route.eventClass().getName() + ", not " + node.getNodeType());
            }
            ObjectNode current = object;
            for (Upcaster upcaster : route.upcasters()) {
                current = upcast(upcaster, current, where);
                if (current == null) {
                    throw new CodecException(upcaster + " returned null for event " + where
                            + ": an upcaster returns the data it changed");
                }
            }
            return Json.MAPPER.treeToValue(current, route.eventClass());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "event " + where + " (" + stored + ") cannot be read as "
                            + route.eventClass().getName() + ": " + Json.describe(e) + path(e)
                            + (stored.equals(route.target())
                                    ? "; if the stored shape changed, register the class at a higher version and add an"
                                            + " Upcaster from " + stored
                                    : "; check the upcasters from " + stored + " to " + route.target()),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode upcast(Upcaster upcaster, ObjectNode data, Where where) {
        try {
            return upcaster.upcast(data);
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CodecException(upcaster + " failed on event " + where + " with data " + data + ": " + e, e);
        }
    }

    private static JsonNode tree(byte[] data, Where where, EventType stored) {
        try {
            return Json.parse(data);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "event " + where + " (" + stored + "): data is not valid JSON: " + Json.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        return " (field "
                + mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                + ")";
    }

    private UnknownEventTypeException unknownType(Where where, EventType stored) {
        String remedy = "; or build the codec with onUnknownType(PASS_THROUGH) to receive it as Decoded.Unknown";
        var current = registry.currentVersion(stored.name());
        if (current.isPresent()) {
            String readable = registry.readableTypes().stream()
                    .filter(type -> type.name().equals(stored.name()))
                    .map(EventType::version)
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new UnknownEventTypeException(
                    stored,
                    "event " + where + " has type " + stored.name() + " at schema version " + stored.version()
                            + ", but this codec reads " + stored.name() + " only at version(s) " + readable
                            + " (current " + current.get() + "): add an Upcaster from " + stored
                            + " to the current version, or read it with the code that wrote it" + remedy);
        }
        return new UnknownEventTypeException(
                stored,
                "event " + where + " has type '" + stored.name() + "' (schema version " + stored.version()
                        + "), which is not registered: register its class with builder.register(SomeEvent.class, \""
                        + stored.name() + "\", " + stored.version() + "), or, if the type was renamed, add"
                        + " Upcaster.rename(EventType.of(\"" + stored.name() + "\", " + stored.version()
                        + "), <current type>)" + remedy);
    }

    /** Collects registrations and upcasters; {@link #build} checks that they fit together. */
    public static final class Builder<E> {

        private final Class<E> base;
        private final Map<Class<? extends E>, EventType> registrations = new LinkedHashMap<>();
        private final Map<EventType, Upcaster> upcasters = new LinkedHashMap<>();
        private UnknownTypePolicy unknownTypes = UnknownTypePolicy.FAIL;

        private Builder(Class<E> base) {
            this.base = Objects.requireNonNull(base, "base");
        }

        /**
         * Registers {@code eventClass} as the current shape of {@code typeName} at {@code
         * schemaVersion} (1 for a new type; raise it when the shape changes, with an upcaster from
         * the previous version).
         */
        public Builder<E> register(Class<? extends E> eventClass, String typeName, int schemaVersion) {
            Objects.requireNonNull(eventClass, "eventClass");
            EventType type = EventType.of(typeName, schemaVersion);
            if (eventClass.isInterface() || Modifier.isAbstract(eventClass.getModifiers())) {
                throw new EventRegistrationException(eventClass.getName()
                        + " is abstract: register the concrete event classes (records), one type name each");
            }
            if (registrations.containsKey(eventClass)) {
                throw new EventRegistrationException(eventClass.getName() + " is already registered as "
                        + registrations.get(eventClass) + ": a class has one type name");
            }
            registrations.forEach((other, otherType) -> {
                if (otherType.name().equals(typeName)) {
                    throw new EventRegistrationException("type name '" + typeName + "' is already registered for "
                            + other.getName() + ": type names must be unique; older versions are reached by"
                            + " upcasters, not by a second registration");
                }
            });
            registrations.put(eventClass, type);
            return this;
        }

        /** Adds one step of an upcaster chain; at most one step may start at each type and version. */
        public Builder<E> upcaster(Upcaster upcaster) {
            Objects.requireNonNull(upcaster, "upcaster");
            Upcaster previous = upcasters.putIfAbsent(upcaster.from(), upcaster);
            if (previous != null) {
                throw new EventRegistrationException("two upcasters start at " + upcaster.from() + " (" + previous
                        + " and " + upcaster + "): each stored version has exactly one way forward");
            }
            return this;
        }

        /** What {@link EventCodec#decode} does with unknown types; {@link UnknownTypePolicy#FAIL} by default. */
        public Builder<E> onUnknownType(UnknownTypePolicy policy) {
            this.unknownTypes = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Checks and freezes the configuration.
         *
         * @throws EventRegistrationException a chain does not end at a current version, or a sealed
         *     base permits a class that is not registered
         */
        public EventCodec<E> build() {
            return new EventCodec<>(TypeRegistry.of(base, registrations, upcasters), unknownTypes);
        }
    }

    /** Names an event in error messages; built only when one is thrown, not for every decode. */
    private record Where(Object event) {
        @Override
        public String toString() {
            return switch (event) {
                case RecordedEvent e -> e.stream() + "@" + e.version() + " (id " + e.id() + ")";
                case EventData e -> "with id " + e.id();
                default -> String.valueOf(event);
            };
        }
    }
}
