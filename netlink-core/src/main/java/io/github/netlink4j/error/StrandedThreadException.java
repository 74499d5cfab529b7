package io.github.netlink4j.error;

import java.util.List;

/**
 * A job run inside a namespace ({@code NetNamespace.call/run/start}) left a thread behind in it: a
 * thread started from inside the job (directly, or by a shared pool such as
 * {@code ForkJoinPool.commonPool()} growing on the job's thread) that was still alive in the job's
 * network or mount namespace when the job returned. Linux threads inherit the namespaces of the
 * thread that creates them, so such a thread would serve the rest of the program from the wrong
 * namespace. The job's result is discarded; the threads are named here (kernel name and task id)
 * so the code that started them can be found. Checked, as every netlink4j failure is: a caller of
 * {@code call/run/start} handles it beside the namespace's other errors.
 *
 * {@snippet :
 * try {
 *     ns.call(() -> Thread.ofPlatform().start(() -> { }));   // a thread born inside, left running
 * } catch (StrandedThreadException e) {
 *     System.err.println(e.getMessage());
 * }
 * }
 */
public final class StrandedThreadException extends NetlinkException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> threads;

    /** Threads {@code threads} were left in {@code namespace}. */
    public StrandedThreadException(String namespace, List<String> threads) {
        super("thread" + (threads.size() == 1 ? " " : "s ") + String.join(", ", threads)
                + (threads.size() == 1 ? " was" : " were") + " started inside " + namespace
                + " and outlived the job: threads inherit the namespace of the thread that starts them;"
                + " start them outside, or join them before the job returns", 0, null);
        this.threads = List.copyOf(threads);
    }

    /** The threads left behind, each as {@code "name (tid N)"} with the kernel's (15-character) name. */
    public List<String> threads() {
        return threads;
    }
}
