package io.github.netlink4j.examples.cni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The delegated IPAM plugin, exec'd as CNI requires: found in CNI_PATH, our environment, the same config on stdin. */
final class Ipam {
    private Ipam() {}

    /** Runs the IPAM plugin {@code type} from CNI_PATH with our environment and {@code command}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> exec(Map<String, String> env, String type, String command, String stdin) throws CniError, IOException, InterruptedException {
        if (type.contains("/")) throw new CniError(7, "invalid network configuration", "ipam type \"" + type + "\" is not a plugin name");
        Path exe = null;
        String path = env.get("CNI_PATH");
        if (path == null || path.isEmpty()) throw new CniError(4, "missing environment variable", "CNI_PATH is required for " + env.get("CNI_COMMAND"));
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, type);
            if (Files.isExecutable(p)) {
                exe = p;
                break;
            }
        }
        if (exe == null) throw new CniError(7, "invalid network configuration", "IPAM plugin \"" + type + "\" not found in CNI_PATH");
        ProcessBuilder pb = new ProcessBuilder(exe.toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().put("CNI_COMMAND", command);
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new CniError(11, "IPAM plugin timed out", type);
        }
        if (p.exitValue() != 0) {
            Object err = result.isBlank() ? null : Json.parse(result);
            if (err instanceof Map<?, ?> e && e.get("msg") != null) {
                throw new CniError(e.get("code") instanceof Long c ? c.intValue() : 999, (String) e.get("msg"), (String) e.get("details"));
            }
            throw new CniError(999, "IPAM plugin " + type + " failed", result.strip());
        }
        if (command.equals("DEL") || result.isBlank()) return Map.of();
        return (Map<String, Object>) Json.parse(result);
    }
}
