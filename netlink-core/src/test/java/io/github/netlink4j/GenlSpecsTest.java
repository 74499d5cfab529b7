package io.github.netlink4j;

import io.github.netlink4j.genl.GenlFamily;
import io.github.netlink4j.genl.GenlMulticastGroup;
import io.github.netlink4j.genl.GenlOperation;
import io.github.netlink4j.internal.codec.genl.GenlSpecs;
import io.github.netlink4j.internal.wire.spec.FamilySpec;
import io.github.netlink4j.internal.wire.spec.OpSpec;
import io.github.netlink4j.testing.ThrowawayNamespace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The families generated from the kernel's specs ({@code GenlSpecs.NAMES}), against the running kernel as
 * nlctrl describes them: each is registered, and every command the kernel offers is one the spec numbers the
 * same way, or a newer one numbered after all of the spec's (a kernel newer than the copy in specs/). The
 * untested ones (WireGuard, devlink) are checked only where the kernel has them.
 */
class GenlSpecsTest {
    @Test
    void theKernelsCommandsAreTheSpecsOrNewerOnes() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("genlspec"); NetlinkClient nl = ns.client()) {
            List<String> wrong = new ArrayList<>();
            for (String name : GenlSpecs.NAMES) {
                if (GenlSpecs.UNTESTED.contains(name) && nl.genl().find(name).isEmpty()) continue; // no module here: nothing to check
                GenlFamily kernel = nl.genl().get(name);
                FamilySpec spec = GenlSpecs.of(name).orElseThrow();
                Set<Integer> ours = spec.operations().stream().filter(o -> !o.notification()).map(OpSpec::request)
                        .filter(c -> c > 0).collect(Collectors.toCollection(TreeSet::new));
                int max = ours.stream().mapToInt(Integer::intValue).max().orElse(0);
                int known = 0;
                for (GenlOperation op : kernel.operations()) {
                    if (ours.contains(op.command())) known++;
                    else if (op.command() <= max) wrong.add(name + " command " + op.command() + " is not in the spec's numbering " + ours);
                }
                assertTrue(known >= Math.min(ours.size(), 1), name + ": no command of the spec is offered: " + kernel.operations());
                for (String group : spec.groups().keySet()) {
                    if (spec.groups().get(group) < 0 && kernel.multicastGroup(group).isEmpty()) {
                        wrong.add(name + " has no multicast group " + group + ": " + kernel.multicastGroups().stream().map(GenlMulticastGroup::name).toList());
                    }
                }
            }
            assertEquals(List.of(), wrong);
        }
    }
}
