package io.github.netlink4j.genl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A family as nlctrl describes it: its id is an nlmsg_type (u16, nlctrl's own is GENL_ID_CTRL 0x10), an
 * operation is found by command and a group by name, and the summary reads like genl ctrl get's first line.
 */
class GenlFamilyTest {
    private static final GenlOperation GET = new GenlOperation(2, Set.of(GenlOperation.Flag.DO));
    private static final GenlOperation GET_DUMP = new GenlOperation(2, Set.of(GenlOperation.Flag.DUMP));
    private static final GenlOperation SET = new GenlOperation(3, Set.of(GenlOperation.Flag.DO, GenlOperation.Flag.ADMIN_PERM));

    private static GenlFamily ethtool() {
        return new GenlFamily("ethtool", 0x14, 1, 0, 90, List.of(GET, SET, GET_DUMP),
                List.of(new GenlMulticastGroup("monitor", 5), new GenlMulticastGroup("other", 6)));
    }

    @Test
    void operationIsFoundByCommandFirstOneWins() {
        GenlFamily f = ethtool();
        assertEquals(Optional.of(GET), f.operation(2));
        assertEquals(Optional.of(SET), f.operation(3));
        assertEquals(Optional.empty(), f.operation(4));
    }

    @Test
    void multicastGroupIsFoundByName() {
        GenlFamily f = ethtool();
        assertEquals(5, f.multicastGroup("monitor").orElseThrow().id());
        assertEquals(6, f.multicastGroup("other").orElseThrow().id());
        assertEquals(Optional.empty(), f.multicastGroup("mon"));
    }

    @Test
    void summaryReadsLikeGenlCtrlGet() {
        assertEquals("Name: ethtool ID: 0x14 Version: 0x1 operations: 3 groups: 2", ethtool().toString());
        assertEquals("Name: nlctrl ID: 0x10 Version: 0x2 operations: 0 groups: 0",
                new GenlFamily("nlctrl", 0x10, 2, 0, 10, List.of(), List.of()).toString());
    }

    @Test
    void idIsAU16AndNameIsRequired() {
        assertEquals(0, new GenlFamily("a", 0, 1, 0, 0, List.of(), List.of()).id());
        assertEquals(0xffff, new GenlFamily("a", 0xffff, 1, 0, 0, List.of(), List.of()).id());
        assertThrows(IllegalArgumentException.class, () -> new GenlFamily("a", -1, 1, 0, 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GenlFamily("a", 0x10000, 1, 0, 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GenlFamily(null, 0x10, 1, 0, 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GenlFamily("", 0x10, 1, 0, 0, List.of(), List.of()));
    }

    @Test
    void listsAreCopied() {
        List<GenlOperation> ops = new ArrayList<>(List.of(GET));
        List<GenlMulticastGroup> groups = new ArrayList<>(List.of(new GenlMulticastGroup("monitor", 5)));
        GenlFamily f = new GenlFamily("ethtool", 0x14, 1, 0, 90, ops, groups);
        ops.add(SET);
        groups.clear();
        assertEquals(List.of(GET), f.operations());
        assertEquals(1, f.multicastGroups().size());
        assertThrows(UnsupportedOperationException.class, () -> f.operations().add(SET));
    }
}
