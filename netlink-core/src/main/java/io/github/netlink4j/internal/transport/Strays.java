package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.SyscallException;
import io.github.netlink4j.internal.sys.Libc;
import io.github.netlink4j.internal.sys.Sys;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds threads left inside a namespace by a job that ran there.
 *
 * <p>A thread created by a thread inside a namespace is born inside it. After each job the worker
 * compares the JVM's thread-id counter (every {@code Thread} object, started or not, takes the next
 * id) with its value before the job; only if it moved, which a job that starts no thread never causes
 * unless another thread of the program made one meanwhile, does it read {@code /proc/self/task} and
 * look for threads, other than the library's own workers, in the job's namespaces.
 */
final class Strays {
    private Strays() {}

    private static final Runnable NOOP = () -> {};
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Kernel task ids of the library's workers, which are inside foreign namespaces on purpose. */
    private static final Set<String> OWN = ConcurrentHashMap.newKeySet();

    /** The JVM's next thread id: compare before and after a job. */
    static long counter() {
        return Thread.ofPlatform().unstarted(NOOP).threadId();
    }

    /** The calling thread's kernel task id. */
    static String tid() throws IOException {
        String s = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // "PID/task/TID"
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** Marks the calling thread as one of the library's workers until {@link #forget}. */
    static String register() throws IOException {
        String tid = tid();
        OWN.add(tid);
        return tid;
    }

    static void forget(String tid) {
        if (tid != null) OWN.remove(tid);
    }

    /**
     * The threads, other than the library's workers, whose network namespace has inode {@code netIno}
     * or (if {@code mntIno} is not -1) whose mount namespace has inode {@code mntIno}, as
     * {@code "name (tid N)"}.
     */
    static List<String> inside(long netIno, long mntIno) throws IOException {
        // A thread the job joined is over for Java before its kernel task has finished exiting: give
        // such tasks a moment to go before calling them stranded.
        List<String> found = scan(netIno, mntIno);
        for (int i = 0; i < GRACE_MILLIS && !found.isEmpty(); i++) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = scan(netIno, mntIno);
        }
        return found;
    }

    /** How long a task found inside may take to finish exiting. */
    private static final int GRACE_MILLIS = 100;

    private static List<String> scan(long netIno, long mntIno) throws IOException {
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                String tid = t.getFileName().toString();
                if (OWN.contains(tid)) continue;
                try {
                    boolean in = Libc.inode(Sys.AT_FDCWD, t + "/ns/net") == netIno
                            || (mntIno != -1 && Libc.inode(Sys.AT_FDCWD, t + "/ns/mnt") == mntIno);
                    if (in) found.add(Files.readString(t.resolve("comm")).strip() + " (tid " + tid + ")");
                } catch (IOException e) {
                    // the thread ended while we looked: it is not left anywhere
                }
            }
        }
        return found;
    }
}
