package io.annal.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** Guards the promise that one subclass of the suite runs all of it. */
class SuiteIsAdoptedWholeTest {

    @Test
    void every_scenario_group_is_nested_in_the_suite() {
        List<Class<?>> groups = ReflectionSupport.findAllClassesInPackage(
                "io.annal.store.tck",
                c -> Scenarios.class.isAssignableFrom(c)
                        && c != Scenarios.class
                        && Modifier.isAbstract(c.getModifiers()),
                name -> true);
        List<Class<?>> nested = Arrays.stream(EventStoreConformance.class.getDeclaredClasses())
                .filter(c -> c.isAnnotationPresent(Nested.class))
                .<Class<?>>map(Class::getSuperclass)
                .toList();

        assertThat(groups).isNotEmpty();
        assertThat(nested).containsExactlyInAnyOrderElementsOf(groups);
    }

    @Test
    void a_backend_can_override_only_how_to_open_its_store() {
        List<String> overridable = Arrays.stream(EventStoreConformance.class.getDeclaredMethods())
                .filter(m -> !Modifier.isFinal(m.getModifiers())
                        && !Modifier.isPrivate(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic())
                .map(Method::getName)
                .toList();

        assertThat(overridable).containsExactlyInAnyOrder("openStore", "reopen");
    }

    @Test
    void no_scenario_is_disabled() {
        List<Class<?>> suiteClasses =
                ReflectionSupport.findAllClassesInPackage("io.annal.store.tck", c -> true, name -> true);

        for (Class<?> suiteClass : suiteClasses) {
            assertThat(AnnotationSupport.isAnnotated(suiteClass, Disabled.class))
                    .as("%s is disabled", suiteClass)
                    .isFalse();
            for (Method method : suiteClass.getDeclaredMethods()) {
                assertThat(AnnotationSupport.isAnnotated(method, Disabled.class))
                        .as("%s is disabled", method)
                        .isFalse();
            }
        }
    }
}
