package io.github.netlink4j;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.address.AddressSpec;
import io.github.netlink4j.common.MacAddress;
import io.github.netlink4j.link.BondMode;
import io.github.netlink4j.link.LinkOptions;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.route.NexthopSpec;
import io.github.netlink4j.route.RouteSpec;

import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.Errno;
import io.github.netlink4j.error.DumpInterruptedException;
import io.github.netlink4j.error.KernelException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.error.NotPermittedException;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.error.UnsupportedLinkKindException;
import io.github.netlink4j.internal.transport.KernelErrors;
import io.github.netlink4j.internal.transport.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every argument rule is checked before anything is sent, with a message that says what is wrong. */
class ValidationTest {
    private static String msg(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sixteen-bytes-xx", "a/b", "a:b", "a b", "tab\tx", ".", "..", "nul\0x", "bad\ud800"})
    void badInterfaceNames(String name) {
        String m = msg(() -> LinkSpec.ifb(name));
        assertTrue(m.startsWith("\"") && m.contains("\" is not a valid ifname"), m);
    }

    @Test
    void interfaceNameMessages() {
        assertEquals("\"sixteen-bytes-xx\" is not a valid ifname: 16 bytes, at most 15 (IFNAMSIZ)", msg(() -> LinkSpec.ifb("sixteen-bytes-xx")));
        assertEquals("\"a/b\" is not a valid ifname: it contains '/'", msg(() -> LinkSpec.veth("veth0", "a/b")));
        assertEquals("interface name is empty", msg(() -> LinkSpec.bridge("")));
        LinkSpec.ifb("fifteen-bytes-x"); // exactly 15 is fine
    }

    @Test
    void prefixLengths() {
        assertEquals("prefix length 33 is out of range for 10.200.0.2 (0 to 32)", msg(() -> AddressSpec.of("veth0", "10.200.0.2/33")));
        assertEquals("prefix length 129 is out of range for fd00:200::2 (0 to 128)", msg(() -> AddressSpec.of("veth0", "fd00:200::2/129")));
        assertTrue(msg(() -> AddressSpec.of("veth0", "10.200.0.2/x")).contains("invalid prefix length"));
        assertTrue(msg(() -> AddressSpec.of("veth0", "not.an.address/24")).contains("is not an IP address"));
        assertTrue(msg(() -> RouteSpec.to("10.200.0.0/40")).contains("out of range"));
        assertEquals(32, AddressSpec.of("veth0", "10.200.0.2").prefixLength());
    }

    @Test
    void mtuAndMac() {
        assertEquals("MTU 10 is out of range (68 to 262140)", msg(() -> LinkOptions.DEFAULTS.withMtu(10)));
        assertEquals("MAC address must have 6 bytes, not 5", msg(() -> LinkOptions.DEFAULTS.withAddress(MacAddress.of(new byte[5]))));
        assertTrue(msg(() -> MacAddress.of("02:00:00:00:00")).contains("need 6 bytes"));
        assertTrue(msg(() -> MacAddress.of("02:00:00:00:00:zz")).contains("invalid MAC"));
        assertEquals("02:00:00:00:00:0a", MacAddress.of("02-00-00-00-00-0A").toString());
    }

    @Test
    void otherSpecs() {
        assertTrue(msg(() -> LinkSpec.vlan("v0", "veth0", 4095)).contains("VLAN id 4095"));
        assertTrue(msg(() -> LinkSpec.vxlan("vx0", 1 << 24)).contains("VXLAN id"));
        assertTrue(msg(() -> LinkSpec.bond("b0", BondMode.of(7))).contains("unknown bond mode 7"));
        assertTrue(msg(() -> AddressSpec.of("veth0", "10.200.0.2/24").withLabel("eth0:x")).contains("must start with the link name"));
        assertTrue(msg(() -> AddressSpec.of("veth0", "10.200.0.2/24").withPeer(InetAddress.ofLiteral("fd00::1"))).contains("family"));
        assertTrue(msg(() -> RouteSpec.to("10.200.1.0/24").withGateway(InetAddress.ofLiteral("fd00:200::1"))).contains("gateway"));
        assertTrue(msg(() -> new NexthopSpec(Optional.empty(), "veth0", 0)).contains("weight"));
        assertTrue(msg(() -> NetNamespace.validateName("../etc")).contains("'/'"));
        assertTrue(msg(() -> LinkSpec.of("x0", "bad kind")).contains("invalid link kind"));
        assertEquals(List.of(), RouteSpec.to("10.200.1.0/24").multipath());
        assertEquals("Invalid prefix for given prefix length: \"10.200.1.7/24\" (did you mean 10.200.1.0/24?)",
                msg(() -> RouteSpec.to("10.200.1.7/24")), "host bits are refused as ip refuses them");
    }

    @Test
    void kernelErrorsBecomeSpecificTypesInTheOneMapper() {
        Target t = new Target("add link", "link \"veth0\"", "veth0", "veth");
        KernelException perm = new KernelException(Errno.EPERM, "add link veth0", null, -1, null);
        NetlinkException p = KernelErrors.map(perm, t);
        assertTrue(p instanceof NotPermittedException);
        assertEquals(Errno.EPERM, p.errno());
        assertTrue(p.getMessage().contains("lacks CAP_NET_ADMIN"), p.getMessage());
        assertTrue(KernelErrors.map(new KernelException(Errno.EACCES, "x", null, -1, null), Target.of("x", "x")) instanceof NotPermittedException);
        NetlinkException exists = KernelErrors.map(new KernelException(Errno.EEXIST, "add", null, -1, null), t);
        assertTrue(exists instanceof AlreadyExistsException);
        assertEquals("link \"veth0\" already exists (add: RTNETLINK answers: File exists (EEXIST))", exists.getMessage());
        NetlinkException nodev = KernelErrors.map(new KernelException(Errno.ENODEV, "set", null, -1, null), Target.onLink("set", "link", "eth9"));
        assertTrue(nodev instanceof NoSuchLinkException);
        assertEquals("Cannot find device \"eth9\"", nodev.getMessage());
        assertEquals(Errno.ENODEV, nodev.errno(), "the kernel's errno, carried by its cause");
        assertTrue(((NoSuchLinkException) nodev).kernelError().isPresent());
        // ENODEV on a request that names no link stays the kernel's error.
        assertTrue(KernelErrors.map(new KernelException(Errno.ENODEV, "x", null, -1, null), Target.of("x", "x")).getClass() == KernelException.class);
        NetlinkException kind = KernelErrors.map(new KernelException(Errno.EOPNOTSUPP, "add", "Unknown device type", -1, null), t);
        assertTrue(kind instanceof UnsupportedLinkKindException);
        // EOPNOTSUPP for another reason the kernel names (a known kind refusing an option) is not a missing kind.
        KernelException option = new KernelException(Errno.EOPNOTSUPP, "add", "Operation not supported for this kind", -1, null);
        assertSame(option, KernelErrors.map(option, t));
        KernelException other = new KernelException(Errno.ERANGE, "add", "Attribute failed policy validation", 80, "IFLA_IFNAME");
        assertSame(other, KernelErrors.map(other, Target.of("x", "x")));
        assertEquals("add: Error: Attribute failed policy validation. (ERANGE, at IFLA_IFNAME)", other.getMessage());
    }

    @Test
    void everyErrorHasItsErrnoAtTheRoot() {
        assertEquals(0, new ProtocolException("truncated").errno());
        assertEquals("0", new ProtocolException("truncated").errnoName());
        assertEquals(Errno.ENOENT, new SyscallException("open", Errno.ENOENT, "/x").errno());
        assertEquals("ENOENT", new SyscallException("open", Errno.ENOENT, "/x").errnoName());
        assertEquals(0, new DumpInterruptedException("links", 8).errno());
        assertEquals(0, new NotFoundException("nothing", null).errno());
    }

    @Test
    void ipv6TextIsCompressedLikeInetNtop() {
        assertEquals("fd00:200::2", Address.format(InetAddress.ofLiteral("fd00:200:0:0:0:0:0:2")));
        assertEquals("::", Address.format(InetAddress.ofLiteral("::")));
        assertEquals("::1", Address.format(InetAddress.ofLiteral("::1")));
        assertEquals("fe80::", Address.format(InetAddress.ofLiteral("fe80::")));
        assertEquals("1:0:1:0:1:0:1:0", Address.format(InetAddress.ofLiteral("1:0:1:0:1:0:1:0")));
        assertEquals("1:0:0:4::8", Address.format(InetAddress.ofLiteral("1:0:0:4:0:0:0:8")), "the longer zero run wins");
        assertEquals("2001:db8::1:0:0:1", Address.format(InetAddress.ofLiteral("2001:db8:0:0:1:0:0:1")), "the first of equal runs");
    }
}
