package io.github.netlink4j.examples.cni;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * ADD's one undo list: each step that makes something registers how to take it back, and a failure
 * anywhere takes back everything made so far, the last first. What cannot be taken back safely (the
 * bridge, its gateway address: a concurrent ADD may be using them) registers nothing.
 */
final class Undo {
    /** Takes back one thing a step made. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private final Deque<Action> actions = new ArrayDeque<>();

    /** Registers {@code a}, to run before everything registered earlier. */
    void push(Action a) {
        actions.push(a);
    }

    /** Runs every action, the last registered first; each one's failure is added to {@code failure}, and the rest still run. */
    void run(Throwable failure) {
        while (!actions.isEmpty()) {
            try {
                actions.pop().run();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
