package io.github.netlink4j.examples.cni;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * The daemon's listening socket and what the launcher checks before it trusts it: a directory of the
 * daemon's user alone (0700), the socket in it (0600), and beside the socket {@code SOCKET.pid}, the
 * daemon's pid, by which a launcher tells whether it shares the daemon's network and mount namespaces.
 * The pid file is written before the socket appears and removed after it is gone, so a launcher that
 * finds the socket finds the pid.
 */
final class DaemonSocket implements AutoCloseable {
    private static final int S_IFMT = 0170000, S_IFSOCK = 0140000;

    final Path path;
    final Path pidFile;
    final ServerSocketChannel channel;
    /** Whom the socket belongs to: the daemon's effective user. */
    final UserPrincipal owner;

    private DaemonSocket(Path path, Path pidFile, ServerSocketChannel channel, UserPrincipal owner) {
        this.path = path;
        this.pidFile = pidFile;
        this.channel = channel;
        this.owner = owner;
    }

    /**
     * Makes the directory (mode 0700) or takes one that is ours with that mode (systemd's RuntimeDirectory),
     * removes the socket a killed daemon left, writes the pid file and binds. Refuses any other directory
     * (another user could swap the socket under us; the launcher would not use it anyway), a path that holds
     * anything but a socket, and a socket another daemon still answers on.
     */
    static DaemonSocket bind(Path path) throws IOException {
        path = path.toAbsolutePath();
        Path dir = path.getParent();
        int euid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        // An existing directory is taken as it is, never chmod'ed: --socket /tmp/x.sock must not close /tmp.
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS) != euid
                || ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777) != 0700) {
            throw new IOException(dir + " must be a directory (not a symbolic link) of uid " + euid + " with mode 0700, or not exist");
        }
        removeStale(path);
        Path pid = Path.of(path + ".pid");
        Path tmp = Path.of(pid + ".tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
        Files.move(tmp, pid, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path), 64);
            // bound with the umask's mode, in a directory nobody else can enter
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return new DaemonSocket(path, pid, ch, Files.getOwner(path, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(pid);
            throw e;
        }
    }

    /** A socket nobody answers on is what a killed daemon left; anything else there is not ours to remove. */
    private static void removeStale(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & S_IFMT) != S_IFSOCK) throw new IOException(path + " exists and is not a socket");
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new IOException("another daemon serves " + path + " (it accepted a connection)");
        } catch (java.net.ConnectException nobody) {
            Files.delete(path);
        }
    }

    /** Stops listening and removes the socket, then the pid file. Idempotent. */
    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
        Files.deleteIfExists(pidFile);
    }
}
