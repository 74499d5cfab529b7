package io.github.netlink4j.testing;

import io.github.netlink4j.NetNamespace;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates and deletes namespace {@code args[0]} and prints the mode the run directory was made with. */
public final class RunDirModeProbe {
    public static void main(String[] args) throws Exception {
        if (Files.exists(NetNamespace.RUN_DIR)) throw new IllegalStateException(NetNamespace.RUN_DIR + " exists already: the test must hide /run");
        try (NetNamespace ns = NetNamespace.create(args[0])) {
            System.out.println("mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(NetNamespace.RUN_DIR)));
        } finally {
            NetNamespace.delete(args[0]);
        }
    }
}
