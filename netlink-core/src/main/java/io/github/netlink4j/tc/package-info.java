/**
 * Traffic control ({@code tc qdisc}, {@code tc class}): the records the kernel reports, the specs that
 * make them, and tc's own units. Handles, rates, sizes and times parse and print as tc 6.1 does, so
 * that what a program logs reads like {@code tc -s qdisc show}.
 *
 * {@snippet :
 * nl.qdiscs().add(QdiscSpec.root("veth0", QdiscOptions.tbf(Rate.of("1mbit"), Size.of("32kb"), TcTime.of("400ms"))));
 * nl.qdiscs().list("veth0").forEach(System.out::println);   // qdisc tbf 8001: dev if3 root refcnt 2 rate 1Mbit burst 32Kb lat 400ms
 * }
 */
package io.github.netlink4j.tc;
