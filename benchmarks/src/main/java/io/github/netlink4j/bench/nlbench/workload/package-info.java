/**
 * nlbench's workloads: each says what it builds before the clock, what the clock covers and the same
 * work as iproute2 commands. They know nothing of how they are measured or reported.
 */
package io.github.netlink4j.bench.nlbench.workload;
