package io.github.netlink4j.examples.cni;

import io.github.netlink4j.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the launcher and the resident daemon ({@link CniDaemon}) say to each other over the unix socket,
 * as pure functions over bytes. The launcher is a shell script and its client is socat, so the format is
 * what {@code printf} and {@code env -0} write and what shell parameter expansion can take apart.
 *
 * <p>A request: the line {@link #MAGIC}; the caller's environment as {@code env -0} prints it, each
 * {@code NAME=value} ended by a NUL; one more NUL; then the network configuration (the plugin's stdin) up
 * to the end of the stream (the client shuts down its writing side). At most {@link #MAX_REQUEST} bytes.
 *
 * <p>A reply: {@link #TAKEN} as soon as the daemon has accepted the connection (after it the call is the
 * daemon's: a connection that ends without a result means the call may have run in part); then
 * {@code exit N} and a newline, and the plugin's stdout byte for byte, up to the end of the stream. A
 * refusal (busy, a peer not served) is {@code exit N} and a CNI error with no {@link #TAKEN} before it.
 */
final class DaemonProtocol {
    private DaemonProtocol() {}

    /** The first line of every request: names the protocol and its version, so junk is refused before it is parsed. */
    static final String MAGIC = "nl4j-cni 1\n";
    /** Environment and configuration together: a configuration is a few KiB; this bounds what a client can make the daemon hold. */
    static final int MAX_REQUEST = 1 << 20;
    /** Written first once the call is the daemon's. */
    static final byte[] TAKEN = "taken\n".getBytes(StandardCharsets.US_ASCII);

    /** One call: the environment the plugin runs with and what it reads on stdin. */
    record Request(Map<String, String> env, String stdin) {}

    /** Reads a whole request; malformed input is the spec's "failed to decode content" (6). */
    static Request parse(byte[] b, int len) throws CniError {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        if (len < magic.length || !java.util.Arrays.equals(b, 0, magic.length, magic, 0, magic.length)) {
            throw malformed("it does not start with \"" + MAGIC.strip() + "\"");
        }
        Map<String, String> env = new LinkedHashMap<>();
        int at = magic.length;
        while (true) {
            int end = indexOf(b, at, len, (byte) 0);
            if (end < 0) throw malformed("the environment is not ended by an empty entry");
            if (end == at) {
                at++;
                break;
            }
            String entry = new String(b, at, end - at, StandardCharsets.UTF_8);
            int eq = entry.indexOf('=');
            if (eq <= 0) throw malformed("environment entry " + Json.write(entry) + " is not NAME=value");
            // as getenv(3) reads an environment: the first of two entries with one name counts
            env.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            at = end + 1;
        }
        return new Request(env, new String(b, at, len - at, StandardCharsets.UTF_8));
    }

    /** {@code exit N}, a newline and the plugin's stdout. */
    static byte[] reply(int exit, byte[] stdout) {
        ByteArrayOutputStream r = new ByteArrayOutputStream(stdout.length + 16);
        r.writeBytes(("exit " + exit + "\n").getBytes(StandardCharsets.US_ASCII));
        r.writeBytes(stdout);
        return r.toByteArray();
    }

    /** A reply with a CNI error in the plugin's version, exit status 1, as the plugin prints its own. */
    static byte[] error(int code, String msg, String details) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("cniVersion", BridgePlugin.VERSION);
        o.put("code", (long) code);
        o.put("msg", msg);
        if (details != null) o.put("details", details);
        return reply(1, (Json.write(o) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static CniError malformed(String why) {
        return new CniError(6, "malformed request to the netlink4j-bridge daemon", why);
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) return i;
        }
        return -1;
    }
}
