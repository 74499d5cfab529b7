package io.github.netlink4j.internal.wire.spec;

import java.util.List;

/**
 * One operation: the command number of its request and of its reply (-1 where there is none; the same
 * number both ways in a {@code unified} family), the set its attributes come from, and which attributes
 * each part carries (null where the part does not exist).
 *
 * @param name         the spec's name ({@code features-get})
 * @param set          the attribute set, or null for an operation that carries none
 * @param request      the genlmsghdr cmd (or nlmsg_type) of the request, or -1
 * @param reply        that of the reply or notification, or -1
 * @param notification whether it is a notification ({@code notify}/{@code event}), never asked for
 * @param doRequest    the attributes a do request carries, or null
 * @param doReply      the attributes a do reply (or the notification) carries, or null
 * @param dumpRequest  the attributes a dump request carries, or null
 * @param dumpReply    the attributes a dump reply carries, or null
 */
public record OpSpec(String name, String set, int request, int reply, boolean notification,
                     List<String> doRequest, List<String> doReply, List<String> dumpRequest, List<String> dumpReply) {
    /** Whether the kernel answers a do of it. */
    public boolean hasDo() {
        return doRequest != null;
    }

    /** Whether it can be dumped. */
    public boolean hasDump() {
        return dumpReply != null;
    }
}
