package io.github.netlink4j.examples.cni;

import io.github.netlink4j.examples.LauncherRig;
import io.github.netlink4j.testing.ThrowawayNamespace;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The calls libcni (containernetworking/cni's pkg/libcni, which podman 4, containerd and CRI-O use) makes
 * to the plugins of a network list, made the way it makes them: each plugin a process in the runtime's
 * namespace ({@code host}) with the runtime's environment plus all six CNI_* variables, its config the
 * list's entry with "name" and "cniVersion" added, "runtimeConfig" where it asks for a capability, and
 * "prevResult": on ADD the previous plugin's result, on CHECK and DEL the list's result the runtime
 * cached after ADD. netlink4j-bridge is the module's launcher over the rig's jar; every other type is the
 * reference plugin of that name in /usr/lib/cni.
 */
final class Libcni {
    static final Path REFERENCE_DIR = Path.of("/usr/lib/cni");

    /** One plugin's run. */
    record Call(String type, String command, int exit, String out, String err) {}

    /** The runtime's side of one attachment: container, namespace file, interface. */
    record Attachment(String containerId, String netns, String ifname) {}

    private final ThrowawayNamespace host;
    private final LauncherRig rig;
    /** The launcher's AOT cache goes in its aot/, the calls' output in it meanwhile. */
    private final Path cache;

    Libcni(ThrowawayNamespace host, LauncherRig rig, Path cache) {
        this.host = host;
        this.rig = rig;
        this.cache = cache;
    }

    /** GetVersionInfo: VERSION with CNI_PATH "dummy" and the other CNI_* variables empty. */
    Call version(String type) throws IOException, InterruptedException {
        return exec(type, "VERSION", new Attachment("", "", ""), "dummy", "{\"cniVersion\":\"1.0.0\"}");
    }

    /** AddNetworkList: the plugins in order, each one's result the next one's prevResult; the calls (the last result is the list's). */
    List<Call> add(String name, List<String> plugins, Map<String, String> runtimeConfig, Attachment at) throws IOException, InterruptedException {
        List<Call> calls = new ArrayList<>();
        String prev = null;
        for (String p : plugins) {
            Call c = exec(type(p), "ADD", at, REFERENCE_DIR.toString(), inject(p, name, prev, runtimeConfig));
            calls.add(c);
            if (c.exit() != 0) break;
            prev = c.out().strip();
        }
        return calls;
    }

    /** CheckNetworkList: the plugins in order, each with the cached result as prevResult. */
    List<Call> check(String name, List<String> plugins, Map<String, String> runtimeConfig, Attachment at, String cached) throws IOException, InterruptedException {
        List<Call> calls = new ArrayList<>();
        for (String p : plugins) calls.add(exec(type(p), "CHECK", at, REFERENCE_DIR.toString(), inject(p, name, cached, runtimeConfig)));
        return calls;
    }

    /** DelNetworkList: the plugins in reverse order, each with the cached result as prevResult (null: none cached). */
    List<Call> del(String name, List<String> plugins, Map<String, String> runtimeConfig, Attachment at, String cached) throws IOException, InterruptedException {
        List<Call> calls = new ArrayList<>();
        for (String p : plugins.reversed()) calls.add(exec(type(p), "DEL", at, REFERENCE_DIR.toString(), inject(p, name, cached, runtimeConfig)));
        return calls;
    }

    /** The "type" of a plugin's config (a flat JSON object as the tests write them). */
    private static String type(String plugin) {
        int k = plugin.indexOf("\"type\":\"") + 8;
        return plugin.substring(k, plugin.indexOf('"', k));
    }

    /** The plugin's config as libcni hands it over: name, cniVersion, prevResult, and runtimeConfig for the capabilities it names. */
    private static String inject(String plugin, String name, String prev, Map<String, String> runtimeConfig) {
        StringBuilder b = new StringBuilder("{\"name\":\"").append(name).append("\",\"cniVersion\":\"1.0.0\",");
        if (prev != null) b.append("\"prevResult\":").append(prev).append(',');
        List<String> rc = new ArrayList<>();
        runtimeConfig.forEach((capability, value) -> {
            if (plugin.contains("\"" + capability + "\":true")) rc.add("\"" + capability + "\":" + value);
        });
        if (!rc.isEmpty()) b.append("\"runtimeConfig\":{").append(String.join(",", rc)).append("},");
        return b.append(plugin.substring(1)).toString();
    }

    private Call exec(String type, String command, Attachment at, String cniPath, String conf) throws IOException, InterruptedException {
        List<String> cmd = type.equals("netlink4j-bridge") ? List.of("sh", LauncherRig.CNI_LAUNCHER.toString()) : List.of(REFERENCE_DIR.resolve(type).toString());
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", at.containerId());
        env.put("CNI_NETNS", at.netns());
        env.put("CNI_ARGS", at.containerId().isEmpty() ? "" : "IgnoreUnknown=1");
        env.put("CNI_IFNAME", at.ifname());
        env.put("CNI_PATH", cniPath);
        env.put("NETLINK4J_JAVA", ProcessHandle.current().info().command().orElseThrow());
        env.put("NETLINK4J_JAR", rig.jar.toString());
        env.put("NETLINK4J_CACHE_DIR", cache.resolve("aot").toString());
        // Only VERSION runs with the cache on (it must start no training); a training after ADD would only
        // keep the test waiting for it to end.
        if (!command.equals("VERSION")) env.put("NETLINK4J_AOT", "0");
        Path out = Files.createTempFile(cache, "out", ".txt"), err = Files.createTempFile(cache, "err", ".txt");
        Process p = host.ns().start(rig.command(cmd, env, cache).redirectOutput(out.toFile()).redirectError(err.toFile()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(conf.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it did not read stdin: its answer says why
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(type + " " + command + " still running after 60 s");
        }
        Call c = new Call(type, command, p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return c;
    }
}
