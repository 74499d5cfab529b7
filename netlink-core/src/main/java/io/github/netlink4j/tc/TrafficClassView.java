package io.github.netlink4j.tc;

/**
 * One class of a streaming dump ({@link io.github.netlink4j.TrafficClasses#forEach}), read from the received
 * bytes as it is asked: a view over one RTM_NEWTCLASS, reused for the next. As {@link QdiscView}: the numbers,
 * the counters and {@link #kindEquals} allocate nothing, the kind's options are not offered (nor read).
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.trafficClasses().forEach("veth0", v -> System.out.println(v.handle() + " " + v.bytes() + " bytes"));
 * }
 */
public interface TrafficClassView extends TcStatsView {
    /** tcm_ifindex. */
    int index();

    /** tcm_handle, the class id. */
    TcHandle handle();

    /** tcm_parent. */
    TcHandle parent();

    /** tcm_info: the qdisc under a leaf class, {@link TcHandle#UNSPEC} (0) when there is none, as an empty {@link TrafficClass#leaf()}. */
    TcHandle leaf();

    /** TCA_KIND. */
    String kind();

    /** Whether TCA_KIND is {@code kind}, without making a String. */
    boolean kindEquals(String kind);
}
