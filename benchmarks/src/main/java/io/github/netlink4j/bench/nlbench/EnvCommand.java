package io.github.netlink4j.bench.nlbench;

import io.github.netlink4j.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code nlbench env}: the environment block a result file records, as JSON. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "Prints the environment a result file records (date, commit, jar, JVM, kernel, CPU, iproute2, load) as JSON.")
final class EnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(Json.write(Env.collect(), true) + "\n");
        return 0;
    }
}
