package io.annal.store.tck;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Prints the seed of every property run, and replays a given one: {@code -Dannal.tck.seed=N} runs
 * the property with seed N, the one a failing run printed.
 */
final class PrintSeed implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String fixed = System.getProperty(Seeds.PROPERTY);
        if (fixed != null) {
            context.attributes().setSeed(fixed);
        }
        PropertyExecutionResult result = property.execute();
        String seed = result.seed().orElse("unknown");
        System.out.println(context.label() + ": seed " + seed + " (replay with -D" + Seeds.PROPERTY + "=" + seed + ")");
        return result;
    }
}
