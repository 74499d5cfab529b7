package io.github.netlink4j.testing;

import org.junit.jupiter.api.Assumptions;

import java.util.function.Supplier;

/**
 * Gate for what a test needs to have happened before its assertions mean anything (the kernel has
 * the feature, the dump was interrupted, the signal was sent). Where it did not, the test is skipped
 * with the reason; under CI=true it fails instead, because a test that passes without testing
 * anything hides that the behaviour went unchecked.
 */
public final class Premise {
    private Premise() {}

    /** Skips (or, under CI, fails) the calling test unless {@code holds}. */
    public static void require(boolean holds, Supplier<String> why) {
        if (holds) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError("premise not met under CI=true: " + why.get());
        Assumptions.abort("premise not met: " + why.get());
    }
}
