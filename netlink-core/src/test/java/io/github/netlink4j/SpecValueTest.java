package io.github.netlink4j;

import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.internal.wire.Nlmsg;
import io.github.netlink4j.internal.wire.uapi.IfAddr;
import io.github.netlink4j.internal.wire.uapi.IfLink;
import io.github.netlink4j.internal.wire.uapi.Netlink;
import io.github.netlink4j.internal.wire.uapi.Rtnetlink;
import io.github.netlink4j.internal.wire.uapi.Veth;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Specs hold their names encoded since they stopped being records: they must still behave as
 * values (equals, hashCode, toString as a record's), and a request made from a spec must carry the
 * same bytes as one encoded from the strings.
 */
class SpecValueTest {
    @Test
    void linkSpecsAreValues() {
        assertEquals(LinkSpec.veth("a0", "b0"), LinkSpec.veth("a0", "b0"));
        assertEquals(LinkSpec.veth("a0", "b0").hashCode(), LinkSpec.veth("a0", "b0").hashCode());
        assertNotEquals(LinkSpec.veth("a0", "b0"), LinkSpec.veth("a0", "b1"));
        assertNotEquals(LinkSpec.ifb("a0"), LinkSpec.bridge("a0"));
        assertNotEquals(LinkSpec.ifb("a0"), LinkSpec.ifb("a0").withOptions(LinkOptions.DEFAULTS.withMtu(1400)));
        assertEquals(LinkSpec.vxlan("vx0", 7).withPort(4789), new LinkSpec.Vxlan("vx0", 7, OptionalInt.of(4789),
                Optional.empty(), Optional.empty(), Optional.empty(), LinkOptions.DEFAULTS));
        assertEquals("Veth[name=a0, peerName=b0, peerNamespace=Optional.empty, options=" + LinkOptions.DEFAULTS + "]",
                LinkSpec.veth("a0", "b0").toString());
        assertEquals("Vlan[name=v0, parent=eth9, id=5, protocol=33024, options=" + LinkOptions.DEFAULTS + "]",
                LinkSpec.vlan("v0", "eth9", 5).toString());
        assertEquals("nl4jkind", LinkSpec.of("nl4jkind", "k0").kind());
        assertEquals("macvtap", LinkSpec.macvtap("m0", "eth9", MacvlanMode.BRIDGE).kind());
        assertEquals("veth", LinkSpec.veth("a0", "b0").kind());
    }

    @Test
    void addressSpecsAreValues() {
        AddressSpec a = AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web");
        assertEquals(a, AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web"));
        assertEquals(a.hashCode(), AddressSpec.of("veth0", "10.200.0.2/24").withLabel("veth0:web").hashCode());
        assertNotEquals(a, AddressSpec.of("veth0", "10.200.0.2/24"));
        assertEquals(Optional.of("veth0:web"), a.label());
        assertEquals("AddressSpec[link=veth0, address=/10.200.0.2, prefixLength=24, peer=Optional.empty, broadcast=Optional.empty, "
                + "label=Optional[veth0:web], scope=Optional.empty, flags=[], validLifetime=OptionalLong.empty, "
                + "preferredLifetime=OptionalLong.empty]", a.toString());
    }

    @Test
    void aVethRequestCarriesTheNamesAsStringsWouldEncodeThem() {
        for (String[] names : new String[][]{{"veth0", "veth1"}, {"vé0", "peer-ü"}, {"fifteen-bytes-x", "a"}, {"ö-fourteen-xyz", "日本"}}) {
            MessageWriter got = new MessageWriter(64);
            LinkCodec.encodeCreate(got, LinkSpec.veth(names[0], names[1]), n -> 0, true);

            MessageWriter want = new MessageWriter(64);
            int m = want.beginMessage(Rtnetlink.RTM_NEWLINK, LinkCodec.CREATE_FLAGS | Netlink.NLM_F_ECHO);
            want.ifinfomsg(0, 0, 0, 0, 0);
            want.attrString(IfLink.IFLA_IFNAME, names[0]);
            int info = want.beginNest(IfLink.IFLA_LINKINFO);
            want.attrChars(IfLink.IFLA_INFO_KIND, "veth");
            int data = want.beginNest(IfLink.IFLA_INFO_DATA);
            int peer = want.beginNest(Veth.VETH_INFO_PEER);
            want.ifinfomsg(0, 0, 0, 0, 0);
            want.attrString(IfLink.IFLA_IFNAME, names[1]);
            want.endNest(peer);
            want.endNest(data);
            want.endNest(info);
            want.endMessage(m);
            assertArrayEquals(want.toByteArray(), got.toByteArray(), String.join("/", names));
        }
    }

    @Test
    void anAddressRequestCarriesTheLabelAsAStringWouldEncodeIt() throws Exception {
        for (String label : new String[]{"veth0", "veth0:web", "veth0:ö-label"}) {
            MessageWriter got = new MessageWriter(64);
            AddressCodec.encode(got, Rtnetlink.RTM_NEWADDR, AddressCodec.ADD, AddressSpec.of("veth0", "10.200.0.2/24").withLabel(label), 7);

            MessageWriter want = new MessageWriter(64);
            int m = want.beginMessage(Rtnetlink.RTM_NEWADDR, AddressCodec.ADD);
            want.ifaddrmsg(Inet.AF_INET, 24, 0, 0, 7);
            InetAddress a = InetAddress.ofLiteral("10.200.0.2");
            want.attrInet(IfAddr.IFA_LOCAL, a);
            want.attrString(IfAddr.IFA_LABEL, label);
            want.attrInet(IfAddr.IFA_ADDRESS, a);
            want.endMessage(m);
            assertArrayEquals(want.toByteArray(), got.toByteArray(), label);
            assertEquals(got.size(), Nlmsg.len(got.segment(), 0));
        }
    }
}
