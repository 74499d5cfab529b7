package io.github.netlink4j.examples.cni;

import io.github.netlink4j.json.Json;
import io.github.netlink4j.json.JsonException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The delegated IPAM plugin, exec'd as CNI requires: found in CNI_PATH, our environment, the same config
 * on stdin; given {@link #timeout} to answer (then it and all it started are killed: CNI's "try again
 * later", 11) and {@link #MAX_RESULT} bytes of result.
 */
final class Ipam {
    private Ipam() {}

    /** The environment variable that sets the IPAM plugin's time, in whole seconds (1..3600); default {@link #DEFAULT_TIMEOUT}. */
    static final String TIMEOUT_ENV = "NETLINK4J_CNI_IPAM_TIMEOUT";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** A result is a few hundred bytes; this bounds what a broken or hostile plugin can make us hold. */
    static final int MAX_RESULT = 1 << 20;

    /**
     * A failure after which this call holds no allocation: the plugin could not be run, or it answered
     * that it failed (a non-zero exit). No release is owed for it, and one could free what an earlier
     * ADD of the same container holds. Any other failure (a timeout, a result too large or unreadable)
     * leaves the plugin's state unknown.
     */
    static final class NoAllocation extends CniError {
        private static final long serialVersionUID = 1L;

        NoAllocation(int code, String msg, String details) {
            super(code, msg, details);
        }
    }

    /** The time the IPAM plugin has, from {@link #TIMEOUT_ENV}: read here and nowhere else. */
    static Duration timeout(Map<String, String> env) throws NoAllocation {
        String v = env.get(TIMEOUT_ENV);
        if (v == null || v.isEmpty()) return DEFAULT_TIMEOUT;
        try {
            long s = Long.parseLong(v);
            if (s >= 1 && s <= 3600) return Duration.ofSeconds(s);
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new NoAllocation(4, "invalid environment variable", TIMEOUT_ENV + "=" + v + " is not a number of seconds 1..3600");
    }

    /**
     * Runs the IPAM plugin {@code type} from CNI_PATH with our environment and {@code command}; returns its
     * result (empty for DEL). Its failure is a {@link NoAllocation} carrying its code; a timeout is code 11, a
     * result past {@link #MAX_RESULT} code 5, a result that is not a JSON object code 6.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> exec(Map<String, String> env, String type, String command, String stdin) throws CniError, IOException, InterruptedException {
        Duration timeout = timeout(env);
        ProcessBuilder pb = new ProcessBuilder(find(env, type).toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("CNI_COMMAND", command);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        ChildProcess.Exit exit;
        try {
            exit = ChildProcess.run(pb, stdin.getBytes(StandardCharsets.UTF_8), timeout, MAX_RESULT);
        } catch (ChildProcess.TimedOut e) {
            throw new CniError(11, "IPAM plugin timed out", type + " " + command + ": " + e.getMessage() + "; it and what it started were killed");
        } catch (ChildProcess.TooMuchOutput e) {
            throw new CniError(5, "IPAM plugin result too large", type + " " + command + ": " + e.getMessage() + "; it was killed");
        }
        String result = new String(exit.out(), StandardCharsets.UTF_8);
        if (exit.status() != 0) throw refusal(type, result);
        if (command.equals("DEL") || result.isBlank()) return Map.of();
        try {
            if (Json.read(result) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        } catch (JsonException e) {
            throw new CniError(6, "failed to decode the IPAM plugin's result", type + ": " + e.getMessage());
        }
        throw new CniError(6, "failed to decode the IPAM plugin's result", type + ": not a JSON object");
    }

    /**
     * The versions of the CNI spec the IPAM plugin {@code type} speaks, from its VERSION answer: a plugin
     * older than the config (Debian's host-local knows 1.0.0 at most) refuses a 1.1.0 config with "incompatible
     * CNI versions", and knows neither STATUS nor GC.
     */
    static List<String> versions(Map<String, String> env, String type) throws CniError, IOException, InterruptedException {
        Map<String, Object> answer = exec(env, type, "VERSION", "{\"cniVersion\":\"" + BridgePlugin.VERSION + "\"}");
        if (answer.get("supportedVersions") instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw new CniError(6, "failed to decode the IPAM plugin's result", type + " VERSION: no list of supportedVersions");
    }

    /**
     * The config as the IPAM plugin can read it: as it came, unless it is 1.1.0 and the plugin knows only
     * 1.0.0, then the same config labelled 1.0.0. For ADD, DEL and CHECK 1.1.0 changed nothing a result or
     * an IPAM config holds, so the plugin's 1.0.0 answer is the 1.1.0 one; a config the plugin cannot read
     * either way goes as it came, and the plugin's refusal is the answer.
     */
    static String configFor(List<String> ipamVersions, Map<String, Object> json, String stdin) {
        String version = String.valueOf(json.get("cniVersion"));
        if (ipamVersions.contains(version) || !version.equals("1.1.0") || !ipamVersions.contains("1.0.0")) return stdin;
        Map<String, Object> older = new LinkedHashMap<>(json);
        older.put("cniVersion", "1.0.0");
        older.keySet().removeIf(k -> k.startsWith("cni.dev/"));
        return Json.write(older);
    }

    private static Path find(Map<String, String> env, String type) throws NoAllocation {
        if (type.contains("/")) throw new NoAllocation(7, "invalid network configuration", "ipam type \"" + type + "\" is not a plugin name");
        String path = env.get("CNI_PATH");
        if (path == null || path.isEmpty()) throw new NoAllocation(4, "missing environment variable", "CNI_PATH is required for " + env.get("CNI_COMMAND"));
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, type);
            if (Files.isExecutable(p)) return p;
        }
        throw new NoAllocation(7, "invalid network configuration", "IPAM plugin \"" + type + "\" not found in CNI_PATH");
    }

    /** The plugin's error as it printed it, when it printed one; its output otherwise. */
    private static NoAllocation refusal(String type, String result) {
        try {
            if (!result.isBlank() && Json.read(result) instanceof Map<?, ?> e && e.get("msg") instanceof String msg) {
                int code = e.get("code") instanceof Long c && c > 0 && c <= Integer.MAX_VALUE ? c.intValue() : 999;
                return new NoAllocation(code, msg, e.get("details") instanceof String d ? d : null);
            }
        } catch (JsonException notJson) {
            // reported as its output below
        }
        return new NoAllocation(999, "IPAM plugin " + type + " failed", result.strip());
    }
}
