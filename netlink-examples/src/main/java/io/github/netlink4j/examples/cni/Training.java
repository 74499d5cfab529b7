package io.github.netlink4j.examples.cni;

import io.github.netlink4j.NetNamespace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code netlink4j-bridge --train}: the run the launcher records its AOT cache from. It does what a
 * runtime's calls do (STATUS, ADD, CHECK, DEL, and one refused config; a config of 1.1.0, the newest,
 * whose calls also ask the IPAM plugin for its versions) with everything in places nobody else
 * can see: the "host" and the container are two anonymous namespaces this process makes (gone when
 * it closes them), host-local keeps its allocation in a temporary directory that is deleted. Nothing
 * in the namespace the launcher was started in is touched. Exit 0 only if every call answered as a
 * real one must, so a cache is kept only from a run that went the real way.
 */
final class Training {
    private Training() {}

    static int run(String cniPath) {
        if (cniPath == null || Stream.of(cniPath.split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "host-local")))) {
            System.err.println("netlink4j-bridge --train: no host-local in CNI_PATH");
            return 2;
        }
        Path dir = null;
        try (NetNamespace host = NetNamespace.createAnonymous(); NetNamespace container = NetNamespace.createAnonymous()) {
            dir = Files.createTempDirectory("nl4j-cni-train");
            String conf = "{\"cniVersion\":\"1.1.0\",\"name\":\"netlink4j-training\",\"type\":\"netlink4j-bridge\",\"bridge\":\"cnitrain0\","
                    + "\"isGateway\":true,\"isDefaultGateway\":true,\"hairpinMode\":true,\"mtu\":1400,"
                    + "\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.251.0/24\",\"dataDir\":\"" + dir + "\"}}";
            Map<String, String> env = new HashMap<>();
            env.put("CNI_CONTAINERID", "netlink4j-training");
            env.put("CNI_NETNS", "/proc/" + ProcessHandle.current().pid() + "/fd/" + container.fd());
            env.put("CNI_IFNAME", "eth0");
            env.put("CNI_PATH", cniPath);
            call(env, host, "STATUS", conf, 0);
            String added = call(env, host, "ADD", conf, 0);
            call(env, host, "CHECK", conf.substring(0, conf.length() - 1) + ",\"prevResult\":" + added + "}", 0);
            call(env, host, "DEL", conf, 0);
            call(env, host, "ADD", "{\"cniVersion\":\"1.0.0\",\"ipMasq\":true}", 1);
            return 0;
        } catch (Exception e) {
            System.err.println("netlink4j-bridge --train: " + e);
            return 1;
        } finally {
            if (dir != null) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory; the system cleans it
                }
            }
        }
    }

    private static String call(Map<String, String> env, NetNamespace host, String command, String conf, int want) throws IOException {
        Map<String, String> e = new HashMap<>(env);
        e.put("CNI_COMMAND", command);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new BridgePlugin(e, new PrintStream(out, true, StandardCharsets.UTF_8), host).run(conf);
        String answer = out.toString(StandardCharsets.UTF_8).strip();
        if (rc != want) throw new IOException(command + " answered " + rc + ": " + answer);
        return answer;
    }
}
