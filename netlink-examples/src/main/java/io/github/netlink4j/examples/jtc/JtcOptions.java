package io.github.netlink4j.examples.jtc;

import java.io.PrintStream;

/**
 * What tc's global options set, handed to each object's command: where output and errors go, and
 * {@code -j}, {@code -p}, {@code -s} (counted) and {@code -d} (counted). The commands read these and never
 * the entry point, which alone names the entry point.
 *
 * @param out     standard output
 * @param err     standard error
 * @param json    -j
 * @param pretty  -p
 * @param stats   how many -s
 * @param details how many -d
 */
record JtcOptions(PrintStream out, PrintStream err, boolean json, boolean pretty, int stats, int details) {}
