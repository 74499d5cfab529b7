/**
 * A JUnit 5 extension for tests that change the network: each test runs in a fresh network namespace,
 * optionally with a topology applied in it, and fails if it leaves a namespace, a link in the JVM's own
 * namespace, a thread in another namespace or a file descriptor behind.
 *
 * <p>Add the {@code netlink-junit} artifact to the test scope; it brings {@code junit-jupiter-api}.
 * In a modular test, {@code requires io.github.netlink4j.junit;}.
 */
package io.github.netlink4j.junit;
