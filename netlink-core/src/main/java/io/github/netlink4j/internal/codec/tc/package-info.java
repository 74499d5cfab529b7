/**
 * The traffic-control codecs: {@code struct tcmsg} and TCA_* for qdiscs and classes, the options of each
 * qdisc kind as tc 6.1 writes them (one file per kind), the statistics, and tc's clock arithmetic (rate
 * tables, bursts as times). Pure functions over bytes, like the other codecs; nothing here names
 * {@code internal.codec} itself, which names this package for the families' registry.
 */
package io.github.netlink4j.internal.codec.tc;
