package io.github.netlink4j.examples.jip;

import io.github.netlink4j.testing.Ip;
import io.github.netlink4j.testing.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The parity rig's one comparison: a command line run through {@code ip -n NS} and through jip on the
 * same namespace, standard output (JSON parsed, when ip printed JSON), standard error and the exit
 * status compared byte for byte.
 */
final class Parity {
    private Parity() {}

    /** {@code ip -n ns args} and {@code jip -n ns args} answer alike; returns ip's output. */
    static String same(String ns, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(List.of(args));
        String[] line = a.toArray(String[]::new);
        Ip.Result want = Ip.run(line);
        JipParityTest.Run got = JipParityTest.jip(line);
        String what = "ip " + String.join(" ", args);
        // The kernel's state may move between the two runs (DAD ends and "tentative" goes, a counter
        // ticks, another process's namespace in /run/netns comes or goes while ip resolves link-netns names
        // and ip says so on stderr): ip once more, after jip, is then the state jip saw.
        if (!want.out().equals(got.out()) || !want.err().equals(got.err())) want = Ip.run(line);
        boolean json = a.stream().anyMatch(w -> w.equals("-j") || w.equals("-json")) && want.out().startsWith("[");
        if (json) assertEquals(Json.parse(want.out()), Json.parse(got.out()), what);
        else assertEquals(want.out(), got.out(), what);
        assertEquals(want.err(), got.err(), what + " (stderr)");
        assertEquals(want.exit(), got.exit(), what + " (exit status)");
        return want.out();
    }

    /** The words of {@code line}, split on blanks (the cases here quote nothing). */
    static String[] words(String line) {
        return line.trim().split("\\s+");
    }
}
