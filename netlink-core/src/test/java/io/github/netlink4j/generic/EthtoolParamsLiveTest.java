package io.github.netlink4j.generic;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.error.NoSuchLinkException;
import io.github.netlink4j.error.NotSupportedException;
import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pause, EEE and coalescing on a veth pair in a throwaway namespace: the veth driver reports none of them,
 * and the typed handles say so as ethtool(8) does on the same device (the replies' decoding is tested on
 * bytes in EthtoolParamsTest).
 */
class EthtoolParamsLiveTest {
    private ThrowawayNamespace ns;
    private NetlinkClient nl;

    @BeforeEach
    void setUp() throws IOException {
        ns = ThrowawayNamespace.create("ethparams");
        nl = ns.client();
        nl.links().add(LinkSpec.veth("veth0", "veth1"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (nl != null) nl.close();
        if (ns != null) ns.close();
    }

    private Ip.Result ethtool(String... args) throws IOException {
        List<String> a = new java.util.ArrayList<>(List.of("netns", "exec", ns.name(), "/usr/sbin/ethtool"));
        a.addAll(List.of(args));
        return Ip.run(a.toArray(String[]::new));
    }

    @Test
    void aVethReportsNoneAndSaysSoAsEthtoolDoes() throws Exception {
        Ethtool e = nl.genl().ethtool();
        for (String opt : List.of("-a", "--show-eee", "-c")) {
            Ip.Result r = ethtool(opt, "veth0");
            assertTrue(r.exit() != 0 && (r.out() + r.err()).contains("Operation not supported"), "ethtool " + opt + ": " + r);
        }
        assertTrue(assertThrows(NotSupportedException.class, () -> e.pause().get("veth0")).getMessage().contains("pause-get"));
        assertTrue(assertThrows(NotSupportedException.class, () -> e.eee().get("veth0")).getMessage().contains("eee-get"));
        assertTrue(assertThrows(NotSupportedException.class, () -> e.coalesce().get("veth0")).getMessage().contains("coalesce-get"));
        assertEquals(List.of(), e.pause().list(), "a dump leaves out the devices that report nothing");
        assertEquals(List.of(), e.eee().list());
        assertEquals(List.of(), e.coalesce().list());
        assertThrows(NoSuchLinkException.class, () -> e.pause().get("nl4jnosuch"));
    }
}
