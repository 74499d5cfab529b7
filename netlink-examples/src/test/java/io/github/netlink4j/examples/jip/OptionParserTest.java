package io.github.netlink4j.examples.jip;

import io.github.netlink4j.common.AddressFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The global options as ip 6.1's main() reads them, into the record the commands get; no namespace needed. */
class OptionParserTest {
    private final List<String> rest = new ArrayList<>();

    private JipOptions parse(String line) {
        return parse(line, false);
    }

    private JipOptions parse(String line, boolean terminal) {
        rest.clear();
        rest.addAll(List.of(line.split(" ")));
        return OptionParser.parse(rest, null, () -> terminal, name -> null);
    }

    @Test
    void eachOptionReachesTheRecordAndTheObjectIsLeft() {
        JipOptions o = parse("-s -stat -d -j -p -br -o -N -ts -force -n ns1 link show");
        assertEquals(2, o.stats());
        assertEquals(1, o.details());
        assertTrue(o.json());
        assertTrue(o.pretty());
        assertTrue(o.brief());
        assertTrue(o.oneline());
        assertTrue(o.numeric());
        assertTrue(o.force());
        assertEquals(2, o.timestamp());
        assertEquals("ns1", o.netns());
        assertFalse(o.version());
        assertEquals(List.of("link", "show"), rest);
    }

    @Test
    void nothingGivenIsTheDefault() {
        JipOptions o = parse("link");
        assertEquals(new JipOptions(null, null, false, false, null, 0, 0, false, null, 0, 0, false, false, false, Style.NEVER, o.style(), false), o);
        assertEquals("v0", o.style().ifname("v0"));
        assertEquals(List.of("link"), rest);
    }

    /** -4/-6/-B and -f name one family; -0 and -M a preferred family that no AddressFamily names. */
    @ParameterizedTest
    @CsvSource({"-4, INET, 2", "-6, INET6, 10", "-B, BRIDGE, 7", "-f inet6, INET6, 10", "-fam bridge, BRIDGE, 7", "-0, , 17", "-M, , 28",
            "-f link, , 17", "-f mpls, , 28", "-4 -0, , 17"})
    void familiesAreReadAsIpReadsThem(String options, AddressFamily family, int preferred) {
        JipOptions o = parse(options + " addr");
        assertEquals(family, o.family());
        assertEquals(preferred, o.preferredFamily());
    }

    @Test
    void versionAnswersAndTheRestIsNotRead() {
        JipOptions o = parse("-V -nosuch");
        assertTrue(o.version());
        assertEquals(List.of("-nosuch"), rest);
    }

    @Test
    void aDoubleDashEndsTheOptionsAndLongSpellingsAreAccepted() {
        JipOptions o = parse("--json -- -s");
        assertTrue(o.json());
        assertEquals(0, o.stats());
        assertEquals(List.of("-s"), rest);
    }

    @Test
    void colourAutoAsksWhetherStandardOutputIsATerminal() {
        assertEquals("\033[36mv0\033[0m", parse("-c=auto link", true).style().ifname("v0"));
        assertEquals("v0", parse("-c=auto link", false).style().ifname("v0"));
        assertEquals("v0", parse("-c -j link", true).style().ifname("v0"));
        assertEquals(Style.ALWAYS, parse("-color link").color());
    }

    @Test
    void badOptionsAreIpsErrors() {
        UsageException e = assertThrows(UsageException.class, () -> parse("-f foo addr"));
        assertEquals("Error: argument \"foo\" is wrong: invalid protocol family", e.getMessage());
        assertEquals(255, e.status());
        e = assertThrows(UsageException.class, () -> parse("-nosuch addr"));
        assertEquals("Option \"-nosuch\" is unknown, try \"ip -help\".", e.getMessage());
        assertEquals(255, e.status());
        e = assertThrows(UsageException.class, () -> parse("-rc 12k link"));
        assertEquals("Invalid rcvbuf size '12k'", e.getMessage());
        e = assertThrows(UsageException.class, () -> parse("-n"));
        assertEquals(OptionParser.helpText(), e.getMessage());
    }

    @Test
    void theBatchFileIsCarriedAndNoNamespaceIsTheDefault() {
        JipOptions o = parse("-b - -force");
        assertEquals("-", o.batchFile());
        assertTrue(o.force());
        assertNull(o.namespace());
        assertTrue(rest.isEmpty());
    }

    @Test
    void oneLineJoinsARecordsLinesWithBackslashes() {
        assertEquals("a\\b\n", JipOptions.fold("a\nb\n"));
        assertEquals("a\\b\n", JipOptions.fold("a\nb"));
    }
}
