package org.lurewatch.ops;

import java.util.Objects;

/**
 * The outcome of one readiness condition.
 *
 * @param name   what was checked ({@code streams}, {@code model})
 * @param ready  whether it is satisfied
 * @param detail what was found, in words an operator can act on
 */
public record ReadinessCheck(String name, boolean ready, String detail) {

    public ReadinessCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    public static ReadinessCheck ok(String name, String detail) {
        return new ReadinessCheck(name, true, detail);
    }

    public static ReadinessCheck notReady(String name, String detail) {
        return new ReadinessCheck(name, false, detail);
    }
}
