package io.github.netlink4j.examples.cni;

import io.github.netlink4j.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GC (CNI 1.1.0): releases what this network holds for attachments the runtime no longer knows, and
 * nothing of the ones it lists in {@code cni.dev/valid-attachments}. What this plugin holds past an
 * attachment's namespace is its IPAM allocation (the veth goes with the namespace, the bridge is shared).
 * An IPAM plugin that speaks 1.1.0 is given the GC, as the spec requires. An older host-local (Debian's,
 * and upstream's too: it has no GC) is read: it keeps one file per address in dataDir/NAME holding
 * "containerID\r\nifname", and each attachment found there and not listed is released by host-local's own
 * DEL with that container's id and interface, as the runtime's DEL would have. Any other IPAM plugin's
 * state is its own, and this GC leaves it.
 *
 * <p>Input that could make it release the wrong thing (a list that is missing or malformed, a network
 * name that would lead out of its own directory) is refused before anything is read. One failed release
 * does not stop the others; the first failure's code is the answer, the details name each.
 */
final class GcCommand {
    private GcCommand() {}

    static final String VALID = "cni.dev/valid-attachments";
    /** host-local's directory when the config names none. */
    static final Path DEFAULT_DATA_DIR = Path.of("/var/lib/cni/networks");
    /** The spec's network name; anything else ("..", "a/b") would be another directory than this network's. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
    /** The name of a host-local file that holds one address, not its lock or last_reserved_ip.N. */
    private static final Pattern ADDRESS_FILE = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    /** An allocation file holds an id and a name; anything far longer is no host-local file. */
    private static final int MAX_FILE = 4096;

    /** One attachment of a container to this network. */
    record Attachment(String containerId, String ifname) {}

    static void run(Map<String, String> env, NetConf conf, Map<String, Object> json, String stdin) throws Exception {
        String name = networkName(json);
        Set<Attachment> valid = validAttachments(json);
        if (conf.ipamType().isEmpty()) return;
        String type = conf.ipamType().get();
        List<String> versions = Ipam.versions(env, type);
        if (versions.contains("1.1.0")) {
            Ipam.exec(env, type, "GC", stdin);
            return;
        }
        if (!type.equals("host-local")) return;
        String older = Ipam.configFor(versions, json, stdin);
        List<CniError> failed = new ArrayList<>();
        for (Attachment stale : hostLocalAttachments(dataDir(json).resolve(name))) {
            if (valid.contains(stale)) continue;
            Map<String, String> e = new HashMap<>(env);
            e.put("CNI_CONTAINERID", stale.containerId());
            e.put("CNI_IFNAME", stale.ifname());
            e.remove("CNI_NETNS");
            e.remove("CNI_ARGS");
            try {
                Ipam.exec(e, type, "DEL", older);
            } catch (CniError err) {
                failed.add(new CniError(err.code, err.getMessage(), stale + ": " + err.details));
            }
        }
        if (!failed.isEmpty()) {
            CniError first = failed.get(0);
            throw new CniError(first.code, "GC could not release " + failed.size() + " attachment(s)",
                    String.join("; ", failed.stream().map(f -> f.getMessage() + " (" + f.details + ")").toList()));
        }
    }

    private static String networkName(Map<String, Object> json) throws CniError {
        if (json.get("name") instanceof String s && NAME.matcher(s).matches()) return s;
        throw new CniError(7, "invalid network configuration", "\"name\" must be a network name (a letter or digit, then letters, digits, _ . -), not "
                + Json.write(json.get("name")));
    }

    /** The runtime's list, each entry checked: a GC that misread it would release attachments still in use. */
    static Set<Attachment> validAttachments(Map<String, Object> json) throws CniError {
        if (!(json.get(VALID) instanceof List<?> list)) {
            throw new CniError(7, "invalid network configuration", "GC needs \"" + VALID + "\", a list of {\"containerID\",\"ifname\"}, not "
                    + Json.write(json.get(VALID)));
        }
        Set<Attachment> valid = new LinkedHashSet<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m && m.get("containerID") instanceof String id && !id.isEmpty()
                    && m.get("ifname") instanceof String ifname && !ifname.isEmpty())) {
                throw new CniError(7, "invalid network configuration", "\"" + VALID + "\": each entry must have a non-empty \"containerID\" and \"ifname\", not "
                        + Json.write(o));
            }
            valid.add(new Attachment(id, ifname));
        }
        return valid;
    }

    private static Path dataDir(Map<String, Object> json) throws CniError {
        Object dir = json.get("ipam") instanceof Map<?, ?> ipam ? ipam.get("dataDir") : null;
        if (dir == null) return DEFAULT_DATA_DIR;
        if (dir instanceof String s && !s.isEmpty()) return Path.of(s);
        throw new CniError(7, "invalid network configuration", "\"ipam\".\"dataDir\" must be a path");
    }

    /**
     * The attachments host-local holds addresses for in {@code dir}, each once. A file of another form (no
     * interface name: host-local before 0.7) is left alone and said on stderr; no directory is no allocation.
     */
    static Set<Attachment> hostLocalAttachments(Path dir) throws CniError {
        Set<Attachment> found = new LinkedHashSet<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return found;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!ADDRESS_FILE.matcher(f.getFileName().toString()).matches() || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
                String[] lines;
                try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                    lines = new String(in.readNBytes(MAX_FILE), StandardCharsets.UTF_8).split("\r?\n", -1);
                } catch (java.nio.file.NoSuchFileException released) {
                    continue; // a DEL released it meanwhile
                }
                if (lines.length == 2 && !lines[0].isBlank() && !lines[1].isBlank()) {
                    found.add(new Attachment(lines[0].strip(), lines[1].strip()));
                } else {
                    System.err.println("netlink4j-bridge GC: " + f + " names no container and interface; left alone");
                }
            }
        } catch (IOException e) {
            throw new CniError(5, "failed to read host-local's allocations", dir + ": " + e);
        }
        return found;
    }
}
