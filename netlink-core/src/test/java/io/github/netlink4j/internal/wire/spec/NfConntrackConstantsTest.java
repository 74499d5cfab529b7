package io.github.netlink4j.internal.wire.spec;

import io.github.netlink4j.internal.wire.uapi.NfConntrack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conntrack constants (scripts/gen-uapi.py) against the enums of the kernel's netfilter headers. */
class NfConntrackConstantsTest {
    @Test
    void everyEnumeratorAgreesWithTheHeaders() throws IOException {
        Map<String, Long> c = new TreeMap<>();
        for (String h : List.of("nfnetlink.h", "nfnetlink_conntrack.h", "nf_conntrack_common.h", "nf_conntrack_tcp.h")) {
            // #defines inside the enums (CTA_NAT after CTA_NAT_SRC) would swallow the enumerator after them
            String src = Files.readString(Path.of("/usr/include/linux/netfilter", h)).replaceAll("(?m)^\\s*#.*$", "");
            Path tmp = Files.createTempFile("uapi", ".h");
            try {
                Files.writeString(tmp, src);
                c.putAll(GeneratedConstantsTest.cEnums(tmp));
            } finally {
                Files.delete(tmp);
            }
        }
        Map<String, Long> ours = GeneratedConstantsTest.constants(NfConntrack.class);
        List<String> wrong = new ArrayList<>();
        int shared = 0;
        for (var e : ours.entrySet()) {
            Long v = c.get(e.getKey());
            if (v == null) continue;
            shared++;
            if (!v.equals(e.getValue())) wrong.add(e.getKey() + " is " + e.getValue() + ", the header says " + v);
        }
        assertEquals(List.of(), wrong);
        assertTrue(shared >= 90, "only " + shared + " names shared");
    }
}
