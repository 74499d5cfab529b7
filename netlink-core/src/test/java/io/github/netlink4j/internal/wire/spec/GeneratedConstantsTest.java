package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.spec.gen.Ethtool;
import io.github.netlink4j.internal.wire.spec.gen.MptcpPm;
import io.github.netlink4j.internal.wire.spec.gen.Nlctrl;
import io.github.netlink4j.internal.wire.spec.gen.RtAddr;
import io.github.netlink4j.internal.wire.spec.gen.TcpMetrics;
import io.github.netlink4j.internal.wire.uapi.Genetlink;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The constants generated from the kernel's specs against two oracles written without the generator:
 * the hand-written uapi classes of internal/wire/uapi (scripts/gen-uapi.py, from the C headers), and the
 * C headers themselves under /usr/include/linux (linux-libc-dev). A name both define must have one value;
 * enough names must meet that a generator numbering nothing the same way cannot pass.
 */
class GeneratedConstantsTest {
    static Map<String, Long> constants(Class<?> c) {
        Map<String, Long> m = new TreeMap<>();
        for (Field f : c.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            try {
                if (f.getType() == int.class) m.put(f.getName(), (long) f.getInt(null));
                else if (f.getType() == long.class) m.put(f.getName(), f.getLong(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /** The names both maps define whose values differ, and how many names they share. */
    private static int agree(Map<String, Long> generated, Map<String, Long> oracle, String what) {
        List<String> wrong = new ArrayList<>();
        int shared = 0;
        for (Map.Entry<String, Long> e : generated.entrySet()) {
            Long o = oracle.get(e.getKey());
            if (o == null) continue;
            shared++;
            if (!o.equals(e.getValue())) wrong.add(e.getKey() + " generated " + e.getValue() + ", " + what + " " + o);
        }
        assertEquals(List.of(), wrong);
        return shared;
    }

    @Test
    void rtAddrFromItsSpecAgreesWithTheHandWrittenUapiConstants() {
        Map<String, Long> gen = constants(RtAddr.class);
        Map<String, Long> uapi = new TreeMap<>(constants(IfAddr.class));
        uapi.putAll(constants(Rtnetlink.class));
        int shared = agree(gen, uapi, "internal/wire/uapi");
        for (String attr : List.of("IFA_ADDRESS", "IFA_LOCAL", "IFA_LABEL", "IFA_BROADCAST", "IFA_ANYCAST", "IFA_CACHEINFO",
                "IFA_MULTICAST", "IFA_FLAGS", "IFA_RT_PRIORITY", "IFA_TARGET_NETNSID", "IFA_PROTO", "IFA_F_NODAD", "IFA_F_STABLE_PRIVACY",
                "RTM_NEWADDR", "RTM_DELADDR", "RTM_GETADDR", "RTM_GETMULTICAST")) {
            assertTrue(gen.containsKey(attr), attr + " is generated");
        }
        assertTrue(shared >= 25, "only " + shared + " names shared");
    }

    @Test
    void nlctrlFromItsSpecAgreesWithTheHandWrittenGenetlinkConstants() {
        int shared = agree(constants(Nlctrl.class), constants(Genetlink.class), "internal/wire/uapi/Genetlink");
        assertTrue(shared >= 12, "only " + shared + " names shared");
        assertEquals(Genetlink.CTRL_CMD_NEWFAMILY, Nlctrl.CTRL_CMD_GETFAMILY_REPLY, "the reply of a family get is a NEWFAMILY");
    }

    /** The enumerators of every {@code enum { … }} in a C header, numbered as C numbers them (those set from other names left out). */
    static Map<String, Long> cEnums(Path header) throws IOException {
        // a #define between two members (devlink.h's obsolete aliases, continued on the next line) is no member,
        // and must not take the member after it along
        String src = Files.readString(header).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "")
                .replaceAll("(?m)^[ \t]*#(?:[^\n]*\\\\\n)*[^\n]*", "");
        Map<String, Long> m = new LinkedHashMap<>();
        Matcher block = Pattern.compile("enum\\s*\\w*\\s*\\{([^}]*)}").matcher(src);
        while (block.find()) {
            long next = 0;
            for (String item : block.group(1).split(",")) {
                String t = item.trim();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] nv = t.split("=", 2);
                String name = nv[0].trim();
                if (nv.length == 2) {
                    String v = nv[1].trim();
                    if (!v.matches("-?(0x[0-9a-fA-F]+|\\d+)")) {
                        next = Long.MIN_VALUE; // set from another name: the ones after it cannot be numbered here
                        continue;
                    }
                    next = Long.decode(v);
                }
                if (next != Long.MIN_VALUE && !name.startsWith("__")) m.put(name, next);
                if (next != Long.MIN_VALUE) next++;
            }
        }
        return m;
    }

    private static Path header(String name) {
        Path p = Path.of("/usr/include/linux", name);
        assertTrue(Files.isReadable(p), p + " is missing: install linux-libc-dev (.ci/run does)");
        return p;
    }

    @Test
    void ethtoolFromItsSpecAgreesWithTheKernelsUapiHeader() throws IOException {
        Map<String, Long> c = cEnums(header("ethtool_netlink.h"));
        int shared = agree(constants(Ethtool.class), c, "linux/ethtool_netlink.h");
        // the header of Debian 12 (Linux 6.1) already has every message and attribute the typed API uses
        for (String n : List.of("ETHTOOL_MSG_FEATURES_SET_REPLY", "ETHTOOL_MSG_CHANNELS_GET_REPLY", "ETHTOOL_MSG_RINGS_GET",
                "ETHTOOL_MSG_STRSET_GET_REPLY", "ETHTOOL_A_LINKSTATE_EXT_STATE", "ETHTOOL_A_BITSET_BITS_BIT", "ETHTOOL_A_STRINGS_STRING")) {
            assertTrue(c.containsKey(n), n + " is in the header");
        }
        assertTrue(shared >= 300, "only " + shared + " names shared");
    }

    @Test
    void mptcpAndTcpMetricsFromTheirSpecsAgreeWithTheKernelsUapiHeaders() throws IOException {
        int mptcp = agree(constants(MptcpPm.class), cEnums(header("mptcp.h")), "linux/mptcp.h");
        assertTrue(mptcp >= 40, "only " + mptcp + " names shared");
        int tcp = agree(constants(TcpMetrics.class), cEnums(header("tcp_metrics.h")), "linux/tcp_metrics.h");
        assertTrue(tcp >= 14, "only " + tcp + " names shared");
    }

    @Test
    void wireguardFromItsSpecAgreesWithTheKernelsUapiHeader() throws IOException {
        Map<String, Long> c = cEnums(header("wireguard.h"));
        int shared = agree(constants(io.github.netlink4j.internal.wire.spec.gen.Wireguard.class), c, "linux/wireguard.h");
        assertTrue(shared >= 24, "only " + shared + " names shared");
        for (String n : List.of("WG_CMD_SET_DEVICE", "WGDEVICE_A_PEERS", "WGPEER_A_ALLOWEDIPS", "WGALLOWEDIP_A_CIDR_MASK", "WGPEER_A_PROTOCOL_VERSION")) {
            assertTrue(c.containsKey(n), n + " is in the header");
        }
    }

    /**
     * Devlink against the machine's linux/devlink.h, which may be older than the spec: a name the header lacks is
     * not compared, and the spec's reply names ({@code DEVLINK_CMD_GET_REPLY}) are the spec's own, the header
     * calls those messages {@code DEVLINK_CMD_NEW} and so on.
     */
    @Test
    void devlinkFromItsSpecAgreesWithTheKernelsUapiHeader() throws IOException {
        Map<String, Long> c = cEnums(header("devlink.h"));
        int shared = agree(constants(io.github.netlink4j.internal.wire.spec.gen.Devlink.class), c, "linux/devlink.h");
        assertTrue(shared >= 50, "only " + shared + " names shared");
        for (String n : List.of("DEVLINK_CMD_SELFTESTS_GET", "DEVLINK_ATTR_LINECARD_INDEX", "DEVLINK_ATTR_RELOAD_ACTION_STATS",
                "DEVLINK_SB_POOL_TYPE_EGRESS", "DEVLINK_CMD_HEALTH_REPORTER_GET")) {
            assertTrue(c.containsKey(n), n + " is in the header");
        }
    }
}
