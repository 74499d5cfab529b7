package io.github.netlink4j.bench.nlbench;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs nlbench's command line in this JVM and keeps what it printed. */
record Cli(int status, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = NlBench.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }
}
