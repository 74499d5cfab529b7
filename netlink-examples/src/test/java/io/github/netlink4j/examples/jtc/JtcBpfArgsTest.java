package io.github.netlink4j.examples.jtc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** jtc's bpf filter lines: refused by how they name the program, before anything is sent. */
class JtcBpfArgsTest {
    private static String refusal(String line) {
        TcFail e = assertThrows(TcFail.class, () -> FilterArgs.parse(List.of(line.split(" ")), true));
        return e.getMessage();
    }

    @Test
    void namesWhatItCannotDo() {
        assertEquals("jtc: bpf obj (loading an ELF object; the library takes a loaded program's fd) is not supported\n",
                refusal("dev veth0 ingress prio 1 bpf obj p.o sec classifier da"));
        assertEquals("jtc: bpf pinned (opening a pinned program; the library takes a loaded program's fd) is not supported\n",
                refusal("dev veth0 ingress prio 1 bpf pinned /sys/fs/bpf/p da"));
        assertEquals("jtc: classic bpf (bytecode) is not supported\n", refusal("dev veth0 ingress bpf bytecode 1,6 0 0 0"));
        assertEquals("jtc: bpf  is not supported\n", refusal("dev veth0 ingress bpf"));
    }
}
