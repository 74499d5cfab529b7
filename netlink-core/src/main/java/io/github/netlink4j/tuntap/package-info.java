/**
 * TUN/TAP devices ({@code ip tuntap}): the spec that creates a persistent device, the record the
 * kernel reports for one, and its mode. Reached through {@link io.github.netlink4j.NetlinkClient#tuntap()},
 * whose queues ({@link io.github.netlink4j.TunQueue}) read and write the device's packets.
 *
 * {@snippet :
 * try (NetlinkClient nl = NetlinkClient.open(ns)) {
 *     nl.tuntap().add(TunTapSpec.tap("tap0").withOwner(1000).withMultiQueue()); // ip tuntap add dev tap0 mode tap user 1000 multi_queue
 *     nl.tuntap().list().forEach(System.out::println);                           // ip tuntap show
 *     try (TunQueue q = nl.tuntap().open("tap0")) {
 *         ByteBuffer frame = ByteBuffer.allocateDirect(q.maxPacketSize());
 *         q.read(frame);                                                          // one Ethernet frame
 *     }
 *     nl.tuntap().delete("tap0");                                                 // ip tuntap del dev tap0 mode tap
 * }
 * }
 */
package io.github.netlink4j.tuntap;
