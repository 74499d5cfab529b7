package io.github.netlink4j.junit;

import io.github.netlink4j.link.LinkSpec;
import io.github.netlink4j.NetNamespace;
import io.github.netlink4j.NetlinkClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A test JVM for {@link OrphansTest}: {@code hold} runs a kit test that makes a bridge and a veth,
 * prints "READY" and its namespace's name, and waits (at most 60 s) to be killed; {@code pass} runs a
 * kit test that passes at once. Exits with the number of failed tests.
 */
public final class KilledJvmProbe {
    static final String ON = "netlink4j.kit.probe";

    @EnabledIfSystemProperty(named = ON, matches = "true")
    @ExtendWith(NetnsExtension.class)
    static class Hold {
        @Test
        void holdsItsNamespace(NetlinkClient nl, NetNamespace ns) throws Exception {
            nl.links().add(LinkSpec.bridge("br0"));
            nl.links().add(LinkSpec.veth("veth0", "veth1"));
            System.out.println("READY " + ns.name().orElseThrow());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @EnabledIfSystemProperty(named = ON, matches = "true")
    @ExtendWith(NetnsExtension.class)
    static class Pass {
        @Test
        void passes(NetlinkClient nl) throws Exception {
            nl.links().get("lo");
        }
    }

    public static void main(String[] args) {
        System.setProperty(ON, "true");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0].equals("hold") ? Hold.class : Pass.class)).build(), listener);
        listener.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
        System.exit((int) listener.getSummary().getTotalFailureCount());
    }
}
