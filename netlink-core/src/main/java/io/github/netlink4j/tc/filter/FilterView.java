package io.github.netlink4j.tc.filter;

import io.github.netlink4j.tc.TcHandle;

/**
 * One filter of a streaming dump ({@link io.github.netlink4j.Filters#forEach}), read from the received bytes as it
 * is asked: a view over one RTM_NEWTFILTER, reused for the next. The numbers and {@link #kindEquals} allocate
 * nothing; {@link #kind()} makes a String, {@link #parent()} and {@link #protocol()} a small value. The kind's options and actions are not offered (nor read): a message whose options alone are
 * malformed reaches the callback where {@code list()} fails.
 *
 * <p>Valid only during the callback it was handed to: a method called after the callback returned throws
 * {@link IllegalStateException}.
 *
 * {@snippet :
 * nl.filters().forEach("veth0", FilterSpec.INGRESS, v -> System.out.println(v.kind() + " pref " + v.priority()));
 * }
 */
public interface FilterView {
    /** tcm_ifindex. */
    int index();

    /** tcm_parent. */
    TcHandle parent();

    /** tcm_info's upper 16 bits, as {@link Filter#priority()}. */
    int priority();

    /** tcm_info's lower 16 bits (network order on the wire), as {@link Filter#protocol()}: a small value. */
    FilterProtocol protocol();

    /** tcm_handle, unsigned, as {@link Filter#handle()}. */
    long handle();

    /** TCA_CHAIN, 0 without one, as {@link Filter#chain()}. */
    long chain();

    /** TCA_KIND. */
    String kind();

    /** Whether TCA_KIND is {@code kind}, without making a String. */
    boolean kindEquals(String kind);
}
