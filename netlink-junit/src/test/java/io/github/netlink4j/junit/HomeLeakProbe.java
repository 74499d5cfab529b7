package io.github.netlink4j.junit;

import io.github.netlink4j.NetlinkClient;
import io.github.netlink4j.link.LinkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A test JVM for {@link NetnsExtensionTest}, started inside a throwaway namespace: runs a kit test
 * that adds a link to the JVM's own namespace, prints what the kit said, and exits with the number of
 * failed tests. It refuses to add anything unless it is in the namespace its argument names.
 */
public final class HomeLeakProbe {
    static final String ON = "netlink4j.kit.homeprobe";
    static final String LINK = "nl4jleak0";
    /** The namespace the probe must find itself in, {@code net:[inode]}, as its first argument says. */
    static String expected;

    @EnabledIfSystemProperty(named = ON, matches = "true")
    @ExtendWith(NetnsExtension.class)
    static class LeaksAtHome {
        @Test
        void leavesALinkInTheJvmsNamespace(NetlinkClient nl) throws Exception {
            String mine = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            if (!mine.equals(expected)) {
                throw new IllegalStateException("this probe runs only inside the throwaway namespace " + expected + ", not in " + mine);
            }
            try (NetlinkClient home = NetlinkClient.open()) {
                home.links().add(LinkSpec.ifb(LINK));
            }
        }
    }

    public static void main(String[] args) {
        expected = args[0];
        System.setProperty(ON, "true");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(LeaksAtHome.class)).build(), listener);
        listener.getSummary().getFailures().forEach(f -> System.out.println("failed: " + f.getException().getMessage()));
        System.out.flush();
        System.exit((int) listener.getSummary().getTotalFailureCount());
    }
}
