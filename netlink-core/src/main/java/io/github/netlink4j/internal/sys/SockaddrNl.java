package io.github.netlink4j.internal.sys;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** {@code struct sockaddr_nl} from linux/netlink.h: family, pad, port id, groups (12 bytes). */
public final class SockaddrNl {
    private SockaddrNl() {}

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_SHORT.withName("nl_family"), JAVA_SHORT.withName("nl_pad"),
            JAVA_INT.withName("nl_pid"), JAVA_INT.withName("nl_groups"));

    public static void set(MemorySegment s, int pid, int groups) {
        s.set(JAVA_SHORT, 0, (short) Sys.AF_NETLINK);
        s.set(JAVA_SHORT, 2, (short) 0);
        s.set(JAVA_INT, 4, pid);
        s.set(JAVA_INT, 8, groups);
    }

    public static int pid(MemorySegment s) {
        return s.get(JAVA_INT, 4);
    }
}
