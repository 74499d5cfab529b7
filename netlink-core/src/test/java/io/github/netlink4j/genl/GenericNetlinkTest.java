package io.github.netlink4j.genl;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.generic.GenericNetlink;
import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NoSuchFamilyException;
import io.github.netlink4j.error.NoSuchOperationException;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generic netlink on this kernel, checked against iproute2's {@code genl ctrl} and {@code ip -j link}:
 * families resolved by name through nlctrl, one object read from nlctrl, ethtool and netdev each.
 */
class GenericNetlinkTest {
    // linux/ethtool_netlink.h
    private static final int ETHTOOL_MSG_LINKINFO_GET = 2;
    private static final int ETHTOOL_MSG_LINKINFO_GET_REPLY = 2;
    private static final int ETHTOOL_A_LINKINFO_HEADER = 1;
    private static final int ETHTOOL_A_HEADER_DEV_INDEX = 1;
    private static final int ETHTOOL_A_HEADER_DEV_NAME = 2;
    // Documentation/netlink/specs/netdev.yaml
    private static final int NETDEV_CMD_DEV_GET = 1;
    private static final int NETDEV_A_DEV_IFINDEX = 1;

    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("genl");
        nl = ns.client();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    /** "Name: X / ID: 0x.. Version: 0x.." of {@code genl ctrl get name X}, as [id, version]. */
    private static int[] genlCtrl(String family) throws IOException {
        Process p = new ProcessBuilder("genl", "ctrl", "get", "name", family).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Matcher m = Pattern.compile("ID: 0x([0-9a-f]+)\\s+Version: 0x([0-9a-f]+)").matcher(out);
        assertTrue(m.find(), "genl ctrl get name " + family + ": " + out);
        return new int[] {Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16)};
    }

    @Test
    void familiesResolveByNameAsGenlCtrlShowsThem() throws Exception {
        GenericNetlink genl = nl.genl();
        for (String name : List.of("nlctrl", "ethtool", "netdev")) {
            GenlFamily f = genl.get(name);
            int[] ref = genlCtrl(name);
            assertEquals(ref[0], f.id(), name + " id");
            assertEquals(ref[1], f.version(), name + " version");
            assertFalse(f.operations().isEmpty(), name + " lists its operations");
            assertSame(f, genl.get(name), "cached per socket");
        }
        GenlFamily ctrl = genl.get("nlctrl");
        assertEquals(0x10, ctrl.id(), "GENL_ID_CTRL");
        assertTrue(ctrl.operation(3).orElseThrow().flags().contains(GenlOperation.Flag.DUMP), "CTRL_CMD_GETFAMILY dumps");
        assertTrue(genl.get("ethtool").multicastGroup("monitor").isPresent(), "ethtool's notification group");

        Set<String> listed = genl.list().stream().map(GenlFamily::name).collect(Collectors.toCollection(TreeSet::new));
        // in the namespace: families that are not namespace-aware are hidden from it, as from genl run there
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "genl", "ctrl", "list").redirectErrorStream(true).start();
        Set<String> ref = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^Name: (\\S+)").matcher(new String(p.getInputStream().readAllBytes()));
        while (m.find()) ref.add(m.group(1));
        assertEquals(ref, listed, "genl ctrl list");
    }

    @Test
    void anAbsentFamilyIsEmptyOrATypedError() throws Exception {
        GenericNetlink genl = nl.genl();
        assertTrue(genl.find("nl4j_absent").isEmpty());
        NoSuchFamilyException e = assertThrows(NoSuchFamilyException.class, () -> genl.get("nl4j_absent"));
        assertEquals("nl4j_absent", e.family());
        assertThrows(IllegalArgumentException.class, () -> genl.find("a_name_far_too_long_for_genl"));
        NoSuchOperationException op = assertThrows(NoSuchOperationException.class, () -> genl.dump(genl.get("netdev"), 200, List.of()),
                "a command the kernel lacks");
        assertEquals("netdev", op.family());
        assertEquals("command 200", op.operation(), "no spec names command 200");
    }

    @Test
    void ethtoolLinkInfoOfOneDevice() throws Exception {
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        GenlFamily ethtool = nl.genl().get("ethtool");
        List<GenlMessage> replies = nl.genl().call(ethtool, ETHTOOL_MSG_LINKINFO_GET, List.of(
                RawAttribute.nest(ETHTOOL_A_LINKINFO_HEADER, List.of(RawAttribute.ofString(ETHTOOL_A_HEADER_DEV_NAME, "veth0")))));
        assertEquals(1, replies.size());
        GenlMessage r = replies.get(0);
        assertEquals(ethtool.id(), r.familyId());
        assertEquals(ETHTOOL_MSG_LINKINFO_GET_REPLY, r.command());
        List<RawAttribute> header = r.attribute(ETHTOOL_A_LINKINFO_HEADER).orElseThrow().nested();
        Map<Integer, RawAttribute> h = header.stream().collect(Collectors.toMap(RawAttribute::type, a -> a));
        assertEquals("veth0", h.get(ETHTOOL_A_HEADER_DEV_NAME).stringValue());
        assertEquals(nl.links().index("veth0"), h.get(ETHTOOL_A_HEADER_DEV_INDEX).unsignedValue());
    }

    @Test
    void aRefusedAttributeCarriesTheKernelsTextAndItsPath() throws Exception {
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        GenlFamily ethtool = nl.genl().get("ethtool");
        KernelException e = assertThrows(KernelException.class, () -> nl.genl().call(ethtool, ETHTOOL_MSG_LINKINFO_GET, List.of(
                RawAttribute.nest(ETHTOOL_A_LINKINFO_HEADER, List.of(RawAttribute.ofString(ETHTOOL_A_HEADER_DEV_NAME, "nl4jnosuch"))))));
        assertEquals(Errno.ENODEV, e.errno());
        assertTrue(e.extAckMessage().isPresent(), "the kernel's extended-ACK text: " + e.getMessage());
        assertEquals("ETHTOOL_A_LINKINFO_HEADER › ETHTOOL_A_HEADER_DEV_NAME", e.attributePath().orElseThrow(),
                "named by the generated ethtool spec: " + e.getMessage());
        // the socket serves the next request
        assertEquals(1, nl.genl().call(ethtool, ETHTOOL_MSG_LINKINFO_GET, List.of(
                RawAttribute.nest(ETHTOOL_A_LINKINFO_HEADER, List.of(RawAttribute.ofString(ETHTOOL_A_HEADER_DEV_NAME, "veth0"))))).size());
    }

    @Test
    void netdevDevicesAreTheNamespacesLinks() throws Exception {
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
        List<GenlMessage> devs = nl.genl().dump(nl.genl().get("netdev"), NETDEV_CMD_DEV_GET, List.of());
        Set<Long> ours = devs.stream().map(d -> d.attribute(NETDEV_A_DEV_IFINDEX).orElseThrow().unsignedValue())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Long> ip = Json.array(Ip.in(ns.name(), "-j", "link", "show")).stream()
                .map(l -> ((Number) l.get("ifindex")).longValue()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ip, ours, "netdev lists the links ip lists, in this namespace only");
    }
}
