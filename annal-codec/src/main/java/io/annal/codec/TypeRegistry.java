package io.annal.codec;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checked, immutable result of a codec's registrations: which class each current type binds
 * to, and for every older or renamed type the chain of upcasters that leads to a current one.
 * Every inconsistency is found here, when the codec is built, rather than on the first old event.
 */
final class TypeRegistry<E> {

    /** How a stored type reaches a class: the upcasters to apply in order, then the class to bind. */
    record Route<E>(List<Upcaster> upcasters, EventType target, Class<? extends E> eventClass) {}

    private final Map<Class<?>, EventType> typeByClass;
    private final Map<EventType, Route<E>> routes;
    private final Map<String, Integer> currentVersions;

    private TypeRegistry(
            Map<Class<?>, EventType> typeByClass,
            Map<EventType, Route<E>> routes,
            Map<String, Integer> currentVersions) {
        this.typeByClass = Collections.unmodifiableMap(new LinkedHashMap<>(typeByClass));
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        this.currentVersions = Map.copyOf(currentVersions);
    }

    static <E> TypeRegistry<E> of(
            Class<E> base, Map<Class<? extends E>, EventType> registrations, Map<EventType, Upcaster> upcasters) {
        Map<Class<?>, EventType> typeByClass = new LinkedHashMap<>();
        Map<EventType, Route<E>> routes = new LinkedHashMap<>();
        Map<String, Integer> currentVersions = new LinkedHashMap<>();
        registrations.forEach((eventClass, type) -> {
            typeByClass.put(eventClass, type);
            routes.put(type, new Route<>(List.of(), type, eventClass));
            currentVersions.put(type.name(), type.version());
        });
        for (EventType start : upcasters.keySet()) {
            if (routes.containsKey(start)) {
                throw new EventRegistrationException("an upcaster starts at " + start + ", which is the current version"
                        + " of " + routes.get(start).eventClass().getName()
                        + ": upcasters lead from older versions; register the class at a higher version");
            }
            routes.put(start, chain(start, upcasters, routes));
        }
        requireEveryPermittedClass(base, registrations.keySet());
        return new TypeRegistry<>(typeByClass, routes, currentVersions);
    }

    private static <E> Route<E> chain(
            EventType start, Map<EventType, Upcaster> upcasters, Map<EventType, Route<E>> routes) {
        List<Upcaster> steps = new ArrayList<>();
        Set<EventType> seen = new HashSet<>();
        EventType at = start;
        while (upcasters.containsKey(at)) {
            if (!seen.add(at)) {
                throw new EventRegistrationException("the upcasters from " + start + " go round in a circle through "
                        + at + ": every chain must end at a registered current version");
            }
            Upcaster step = upcasters.get(at);
            steps.add(step);
            at = step.to();
        }
        Route<E> end = routes.get(at);
        if (end == null || !end.upcasters().isEmpty()) {
            throw new EventRegistrationException("the upcasters from " + start + " end at " + at
                    + ", which is not a registered current version: register a class as " + at
                    + " or add an upcaster from it");
        }
        return new Route<>(List.copyOf(steps), at, end.eventClass());
    }

    /** A sealed base must have a registered type for every concrete class it permits. */
    private static void requireEveryPermittedClass(Class<?> base, Set<? extends Class<?>> registered) {
        Set<String> missing = new TreeSet<>();
        collectUnregistered(base, registered, missing);
        if (!missing.isEmpty()) {
            throw new EventRegistrationException(base.getName() + " permits event classes without a registered type: "
                    + String.join(", ", missing)
                    + "; register each with builder.register(SomeEvent.class, \"SomeEvent\", 1)");
        }
    }

    private static void collectUnregistered(Class<?> type, Set<? extends Class<?>> registered, Set<String> missing) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collectUnregistered(permitted, registered, missing);
            }
        }
        boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        if (concrete && !registered.contains(type)) {
            missing.add(type.getName());
        }
    }

    Optional<EventType> typeOf(Class<?> eventClass) {
        return Optional.ofNullable(typeByClass.get(eventClass));
    }

    Optional<Route<E>> route(EventType stored) {
        return Optional.ofNullable(routes.get(stored));
    }

    Optional<Integer> currentVersion(String name) {
        return Optional.ofNullable(currentVersions.get(name));
    }

    /** Every current type, in registration order. */
    List<EventType> currentTypes() {
        return List.copyOf(typeByClass.values());
    }

    /** The stored types that have a route, for error messages. */
    Set<EventType> readableTypes() {
        return routes.keySet();
    }
}
