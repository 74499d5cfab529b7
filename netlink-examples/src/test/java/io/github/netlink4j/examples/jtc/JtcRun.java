package io.github.netlink4j.examples.jtc;

import io.github.netlink4j.testing.Tc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** jtc run in this JVM on a namespace, and tc beside it: what each printed and how it exited. */
final class JtcRun {
    private JtcRun() {}

    /** What a command printed and its status, in one form for tc and jtc. */
    record Result(int exit, String out, String err) {
        String text() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code jtc -n ns args}, standard input {@code stdin}. */
    static Result jtc(String ns, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> a = new ArrayList<>(List.of("-n", ns));
        a.addAll(List.of(args));
        int rc = new Jtc(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(a.toArray(String[]::new));
        return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result jtc(String ns, String... args) {
        return jtc(ns, "", args);
    }

    /** {@code tc -n ns args}. */
    static Result tc(String ns, String... args) throws IOException {
        Tc.Result r = Tc.run(ns, args);
        return new Result(r.exit(), r.out(), r.err());
    }
}
