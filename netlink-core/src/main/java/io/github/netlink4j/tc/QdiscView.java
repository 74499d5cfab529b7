package io.github.netlink4j.tc;

/**
 * One qdisc of a streaming dump ({@link io.github.netlink4j.Qdiscs#forEach}), read from the received bytes as it
 * is asked: a view over one RTM_NEWQDISC, reused for the next. The numbers, the counters and {@link #kindEquals}
 * allocate nothing; {@link #kind()} makes a String, and {@link #handle()} and {@link #parent()} a small value
 * (which the JIT usually keeps off the heap). The kind's options are not offered: {@link io.github.netlink4j.Qdiscs#list()}
 * decodes them, and the view does not read them, so a message whose options alone are malformed reaches the
 * callback where {@code list()} fails.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}. Keep what it returns, never the view.
 *
 * {@snippet :
 * nl.qdiscs().forEach(v -> { if (v.drops() > 0) System.out.println("if" + v.index() + " " + v.kind() + " dropped " + v.drops()); });
 * }
 */
public interface QdiscView extends TcStatsView {
    /** tcm_ifindex. */
    int index();

    /** tcm_handle. */
    TcHandle handle();

    /** tcm_parent. */
    TcHandle parent();

    /** TCA_KIND. */
    String kind();

    /** Whether TCA_KIND is {@code kind}, without making a String. */
    boolean kindEquals(String kind);

    /** tcm_info, the kernel's reference count, as {@link Qdisc#refcount()}. */
    long refcount();

    /** TCA_HW_OFFLOAD, as {@link Qdisc#offloaded()}. */
    boolean offloaded();
}
