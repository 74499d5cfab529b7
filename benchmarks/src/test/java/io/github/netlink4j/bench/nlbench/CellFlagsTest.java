package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A cell's JVM flags reach the result file and come back from it; files written before they were recorded read as none. */
class CellFlagsTest {
    private static final List<Sample> ONE = List.of(new Sample(1_000_000L, 1_000_000L, 10, 0, 0, 100, -1, null));

    @Test
    void theFlagsGoThroughTheFile() throws Exception {
        Cell c = new Cell("w1", "netlink4j", "steady", 10, 1, "links", -1, ONE, List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED"), null);
        Map<?, ?> json = (Map<?, ?>) Json.read(Json.write(c.toJson()));
        assertEquals(List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED"), json.get("jvm_flags"));
        assertEquals(c.jvmFlags(), Cell.fromJson(json).jvmFlags());
    }

    @Test
    void eachCellGetsTheFlagsOfTheJvmThatMeasuredIt() {
        List<String> parent = List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED");
        assertEquals(parent, Bench.jvmFlags(false, "steady", parent));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED"), Bench.jvmFlags(false, "cold", parent), "the fresh JVM's, not the parent's");
        assertNull(Bench.jvmFlags(true, "process", parent));
    }

    @Test
    void aProcessColumnOrAnOldFileHasNone() {
        Cell c = new Cell("w1", "ip", "process", 10, 1, "links", 5, ONE);
        Map<String, Object> json = c.toJson();
        assertNull(json.get("jvm_flags"));
        json.remove("jvm_flags");
        assertNull(Cell.fromJson(json).jvmFlags());
    }
}
