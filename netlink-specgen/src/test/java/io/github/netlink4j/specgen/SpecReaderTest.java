package io.github.netlink4j.specgen;

import io.github.netlink4j.specgen.Family.Attr;
import io.github.netlink4j.specgen.Family.Definition;
import io.github.netlink4j.specgen.Family.Kind;
import io.github.netlink4j.specgen.Family.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every construct of the spec format that the stored specs use, each on a small spec of its own. */
class SpecReaderTest {
    private static Family read(String yaml) {
        return SpecReader.read(yaml, "test.yaml");
    }

    private static Attr attr(Family f, String set, String name) {
        return f.set(set).orElseThrow().attr(name).orElseThrow();
    }

    private static Operation op(Family f, String name) {
        return f.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void attributesCountFromOneAndOnFromAnExplicitValue() {
        Family f = read("""
                name: fam
                attribute-sets:
                  - name: dev
                    attributes:
                      - { name: ifindex, type: u32 }
                      - { name: pad, type: pad }
                      - { name: stats, type: uint, value: 8 }
                      - { name: more, type: u64 }
                """);
        assertEquals(1, attr(f, "dev", "ifindex").value());
        assertEquals(2, attr(f, "dev", "pad").value());
        assertEquals(8, attr(f, "dev", "stats").value());
        assertEquals(9, attr(f, "dev", "more").value());
        assertEquals("FAM_A_DEV_IFINDEX", attr(f, "dev", "ifindex").cName(), "the default prefix is <family>-a-<set>-");
        assertEquals("genetlink", f.protocol(), "the default protocol");
    }

    @Test
    void anUnspecZeroComesFirstAndANameGivenTwiceIsOneAttribute() {
        Family f = read("""
                name: ethtool
                attribute-sets:
                  - name: strings
                    attributes:
                      - { name: unspec, type: unused, value: 0 }
                      - { name: unspec, type: unused, value: 0 }
                      - { name: string, type: nest, multi-attr: true, nested-attributes: strings }
                """);
        assertEquals(List.of("unspec", "string"), f.set("strings").orElseThrow().attributes().stream().map(Attr::name).toList());
        Attr s = attr(f, "strings", "string");
        assertEquals(1, s.value());
        assertTrue(s.multi());
        assertEquals("strings", s.nested());
    }

    @Test
    void namePrefixesOfTheSetAndOfOneAttribute() {
        Family f = read("""
                name: ethtool
                attribute-sets:
                  - name: pse
                    name-prefix: ethtool-a-pse-
                    attributes:
                      - { name: header, type: nest, nested-attributes: pse }
                      - { name: podl-pse-admin-state, type: u32, name-prefix: ethtool-a- }
                """);
        assertEquals("ETHTOOL_A_PSE_HEADER", attr(f, "pse", "header").cName());
        assertEquals("ETHTOOL_A_PODL_PSE_ADMIN_STATE", attr(f, "pse", "podl-pse-admin-state").cName());
    }

    @Test
    void aSubsetKeepsTheNumbersAndTypesOfItsSupersetWhereverItIsDefined() {
        Family f = read("""
                name: netdev
                attribute-sets:
                  - name: page-pool-info
                    subset-of: page-pool
                    attributes:
                      - name: ifindex
                  - name: page-pool
                    attributes:
                      - { name: id, type: uint }
                      - { name: ifindex, type: u32, byte-order: big-endian }
                """);
        Attr a = attr(f, "page-pool-info", "ifindex");
        assertEquals(2, a.value());
        assertEquals("u32", a.type());
        assertTrue(a.bigEndian());
        assertEquals("NETDEV_A_PAGE_POOL_IFINDEX", a.cName());
        assertEquals(List.of("page-pool-info", "page-pool"), f.sets().stream().map(Family.AttrSet::name).toList(), "spec order kept");
        SpecException e = assertThrows(SpecException.class, () -> read("""
                name: x
                attribute-sets:
                  - { name: sub, subset-of: full, attributes: [ { name: nosuch } ] }
                  - { name: full, attributes: [ { name: a, type: u8 } ] }
                """));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    @Test
    void typesSubTypesEnumsAndByteOrderAreKept() {
        Family f = read("""
                name: x
                attribute-sets:
                  - name: s
                    attributes:
                      - { name: ops, type: array-nest, nested-attributes: s }
                      - { name: policy, type: nest-type-value, type-value: [ policy-id, attr-id ], nested-attributes: s }
                      - { name: indir, type: binary, sub-type: u32 }
                      - { name: feats, type: u64, enum: acts }
                      - { name: port, type: u16, byte-order: big-endian }
                """);
        assertEquals("array-nest", attr(f, "s", "ops").type());
        assertEquals("nest-type-value", attr(f, "s", "policy").type());
        assertEquals("u32", attr(f, "s", "indir").subType());
        assertEquals("acts", attr(f, "s", "feats").enumName());
        assertTrue(attr(f, "s", "port").bigEndian());
        assertFalse(attr(f, "s", "indir").bigEndian());
    }

    @Test
    void enumsCountFromValueStartFlagsAreBitsAndConstantsKeepTheirValue() {
        Family f = read("""
                name: mptcp_pm
                definitions:
                  - name: event-type
                    type: enum
                    name-prefix: mptcp-event-
                    entries:
                      - { name: unspec }
                      - { name: created }
                      - { name: announced, value: 6 }
                      - { name: removed }
                  - { name: queue-type, type: enum, value-start: 1, entries: [ rx, tx ] }
                  - { name: header-flags, type: flags, name-prefix: ethtool-flag-, entries: [ compact-bitsets, omit-reply, stats ] }
                  - { name: cookie-max, type: const, value: 16 }
                  - { name: hdr, type: struct, members: [ { name: a, type: u8 }, { name: b, type: u32 } ] }
                """);
        Definition ev = f.definitions().get(0);
        assertEquals(List.of(0L, 1L, 6L, 7L), ev.entries().stream().map(Family.Entry::value).toList());
        assertEquals("MPTCP_EVENT_ANNOUNCED", ev.entries().get(2).cName());
        Definition q = f.definitions().get(1);
        assertEquals(List.of(1L, 2L), q.entries().stream().map(Family.Entry::value).toList());
        assertEquals("MPTCP_PM_QUEUE_TYPE_RX", q.entries().get(0).cName(), "the default prefix is <family>-<enum>-");
        Definition fl = f.definitions().get(2);
        assertEquals(Kind.FLAGS, fl.kind());
        assertEquals(List.of(1L, 2L, 4L), fl.entries().stream().map(Family.Entry::value).toList());
        assertEquals("ETHTOOL_FLAG_OMIT_REPLY", fl.entries().get(1).cName());
        Definition c = f.definitions().get(3);
        assertEquals(Kind.CONST, c.kind());
        assertEquals(16, c.value());
        assertEquals(4, f.definitions().size(), "a struct is not a definition of constants");
    }

    @Test
    void aFixedHeaderIsItsStructsSizeWithCAlignment() {
        Family f = read("""
                name: rt-addr
                protocol: netlink-raw
                definitions:
                  - name: ifaddrmsg
                    type: struct
                    members: [ { name: f, type: u8 }, { name: p, type: u8 }, { name: fl, type: u8 }, { name: s, type: u8 }, { name: i, type: u32 } ]
                  - name: odd
                    type: struct
                    members: [ { name: a, type: u8 }, { name: b, type: u32 }, { name: c, type: u16 } ]
                operations:
                  fixed-header: odd
                  list: []
                """);
        assertEquals(12, f.fixedHeader(), "u8, 3 pad, u32, u16, 2 pad");
        assertThrows(SpecException.class, () -> read("name: x\noperations:\n  fixed-header: nosuch\n  list: []\n"));
    }

    @Test
    void unifiedCommandsCountFromOneOrOnFromAnExplicitValueAndNotificationsTakeANumber() {
        Family f = read("""
                name: netdev
                attribute-sets:
                  - { name: dev, attributes: [ { name: ifindex, type: u32 }, { name: feats, type: u64 } ] }
                operations:
                  list:
                    - name: unspec
                      value: 0
                    - name: dev-get
                      attribute-set: dev
                      do:
                        request: { attributes: [ ifindex ] }
                        reply: &all { attributes: [ ifindex, feats ] }
                      dump:
                        reply: *all
                    - { name: dev-add-ntf, notify: dev-get }
                """);
        Operation get = op(f, "dev-get");
        assertEquals(1, get.request());
        assertEquals(1, get.reply());
        assertEquals("NETDEV_CMD_DEV_GET", get.requestCName());
        assertEquals(List.of("ifindex"), get.doRequest());
        assertEquals(List.of("ifindex", "feats"), get.dumpReply(), "an alias is the anchored list");
        assertNull(get.dumpRequest());
        Operation ntf = op(f, "dev-add-ntf");
        assertEquals(2, ntf.request());
        assertTrue(ntf.notification());
        assertEquals("dev", ntf.attributeSet(), "a notification carries the set of the operation it names");
        assertEquals(List.of("ifindex", "feats"), ntf.doReply());
        assertEquals(0, op(f, "unspec").request());
    }

    @Test
    void directionalCommandsCountEachWayAndRepliesOfRequestsAreNamedSo() {
        Family f = read("""
                name: ethtool
                attribute-sets:
                  - { name: s, attributes: [ { name: header, type: u32 } ] }
                operations:
                  enum-model: directional
                  name-prefix: ethtool-msg-
                  list:
                    - { name: strset-get, attribute-set: s, do: { request: { attributes: [ header ] }, reply: { attributes: [ header ] } } }
                    - { name: linkinfo-set, attribute-set: s, do: { request: { attributes: [ header ] } } }
                    - { name: linkinfo-ntf, notify: strset-get }
                    - { name: features-get, attribute-set: s, do: { request: { attributes: [ header ] }, reply: { attributes: [ header ] } } }
                    - { name: cable-test-ntf, attribute-set: s, event: { attributes: [ header ] } }
                    - name: getfamily
                      attribute-set: s
                      do: { request: { value: 30, attributes: [ header ] }, reply: { value: 10, attributes: [ header ] } }
                      dump: { reply: { value: 10, attributes: [ header ] } }
                    - { name: after, attribute-set: s, dump: { request: { attributes: [] }, reply: { attributes: [] } } }
                """);
        assertEquals(List.of(1, 2, -1, 3, -1, 30, 31), f.operations().stream().map(Operation::request).toList());
        assertEquals(List.of(1, -1, 2, 3, 4, 10, 11), f.operations().stream().map(Operation::reply).toList());
        assertEquals("ETHTOOL_MSG_STRSET_GET_REPLY", op(f, "strset-get").replyCName());
        assertEquals("ETHTOOL_MSG_LINKINFO_NTF", op(f, "linkinfo-ntf").replyCName(), "a notification keeps its own name");
        assertEquals("ETHTOOL_MSG_CABLE_TEST_NTF", op(f, "cable-test-ntf").replyCName());
        assertEquals(List.of("header"), op(f, "cable-test-ntf").doReply(), "an event lists its attributes");
    }

    @Test
    void aDumpReplyWithAValueOfItsOwnKeepsItApartFromTheDosReply() {
        Family f = read("""
                name: devlink
                attribute-sets:
                  - { name: d, attributes: [ { name: bus-name, type: string } ] }
                operations:
                  enum-model: directional
                  list:
                    - name: port-get
                      attribute-set: d
                      do: { request: { value: 5, attributes: [ bus-name ] }, reply: { value: 7, attributes: [ bus-name ] } }
                      dump: { request: { attributes: [ bus-name ] }, reply: { value: 3, attributes: [ bus-name ] } }
                    - { name: next, attribute-set: d, do: { request: { attributes: [] }, reply: { attributes: [] } } }
                    - { name: dumped, attribute-set: d, dump: { reply: { value: 20, attributes: [] } } }
                """);
        assertEquals(7, op(f, "port-get").reply());
        assertEquals(3, op(f, "port-get").dumpReplyValue());
        assertEquals(8, op(f, "next").reply(), "the count goes on from the do's reply");
        assertEquals(8, op(f, "next").dumpReplyValue(), "no dump: the reply's");
        assertEquals(20, op(f, "dumped").dumpReplyValue(), "a dump alone: its value is the reply's");
        assertEquals(20, op(f, "dumped").reply());
    }

    @Test
    void multicastGroupsWithAndWithoutNumbers() {
        Family f = read("""
                name: x
                mcast-groups:
                  list:
                    - { name: mgmt }
                    - { name: rtnlgrp-ipv4-ifaddr, value: 5 }
                """);
        assertEquals(List.of(new Family.Group("mgmt", -1), new Family.Group("rtnlgrp-ipv4-ifaddr", 5)), f.groups());
    }

    @Test
    void aMalformedSpecIsRefusedWithWhereItIs() {
        assertTrue(assertThrows(SpecException.class, () -> read("protocol: genetlink\n")).getMessage().contains("no name"));
        assertTrue(assertThrows(SpecException.class, () -> read("name: x\nprotocol: carrier-pigeon\n")).getMessage().contains("carrier-pigeon"));
        SpecException e = assertThrows(SpecException.class, () -> read("""
                name: x
                attribute-sets:
                  - { name: s, attributes: [ { name: a, type: u8, value: many } ] }
                """));
        assertTrue(e.getMessage().startsWith("test.yaml: attribute-sets[0].attributes[0].value"), e.getMessage());
        assertThrows(SpecException.class, () -> read("""
                name: x
                operations:
                  list: [ { name: n, notify: later } ]
                """), "a notification of an operation not defined before it");
        assertThrows(SpecException.class, () -> read("""
                name: x
                operations:
                  list: [ { name: n, attribute-set: nosuch, do: { request: { attributes: [] } } } ]
                """));
        assertThrows(SpecException.class, () -> read("name: x\ndefinitions: [ { name: f, type: flags, value-start: 64, entries: [ a ] } ]\n"));
    }
}
