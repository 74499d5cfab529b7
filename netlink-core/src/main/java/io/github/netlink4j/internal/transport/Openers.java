package io.github.netlink4j.internal.transport;

import io.github.netlink4j.error.NetlinkException;

import java.util.Objects;

/**
 * How the root package's client makes a handle of another public package whose constructor takes
 * transport types (the JDK's "shared secrets"): the handle's class registers a factory here when it
 * is initialized, with its constructor package-private. A public constructor would put this package's
 * types into the exported API, which callers cannot use and javac flags ({@code [exports]}).
 */
public final class Openers {
    private Openers() {}

    /** Makes the generic netlink handle on {@code requests}, a NETLINK_GENERIC socket it then owns. */
    @FunctionalInterface
    public interface Genl<T> {
        T open(RequestSocket requests, LinkIndex links, SocketFactory sockets);
    }

    /** The index of a link of the same namespace by name. */
    @FunctionalInterface
    public interface LinkIndex {
        int index(String name) throws NetlinkException;
    }

    private static volatile Genl<?> genl;

    /** Called once, by the generic netlink handle's class as it is initialized. */
    public static void registerGenl(Genl<?> factory) {
        genl = Objects.requireNonNull(factory);
    }

    /** The factory {@code type} registered, initializing {@code type} first so that it has. */
    @SuppressWarnings("unchecked")
    public static <T> Genl<T> genl(Class<T> type) {
        initialize(type);
        Genl<?> f = genl;
        if (f == null) throw new IllegalStateException(type.getName() + " registered no factory with Openers");
        return (Genl<T>) f;
    }

    private static void initialize(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);   // the class is loaded already: it is the argument
        }
    }
}
