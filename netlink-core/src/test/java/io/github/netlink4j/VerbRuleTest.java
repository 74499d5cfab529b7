package io.github.netlink4j;

import io.github.netlink4j.generic.EthtoolChannels;
import io.github.netlink4j.generic.EthtoolDriverStats;
import io.github.netlink4j.generic.EthtoolFeatures;
import io.github.netlink4j.generic.EthtoolLinkModes;
import io.github.netlink4j.generic.EthtoolSettings;
import io.github.netlink4j.generic.EthtoolStandardStats;
import io.github.netlink4j.generic.GenericNetlink;
import io.github.netlink4j.generic.Mptcp;
import io.github.netlink4j.generic.Netdev;
import io.github.netlink4j.generic.TcpMetrics;
import io.github.netlink4j.common.BulkResult;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verb rule of the package documentation, checked on every handle by reflection: {@code list} returns
 * a List, {@code find} an Optional, {@code get} the object itself, {@code add}/{@code replace} the
 * kernel's record (what {@code get} returns), {@code delete} nothing, {@code addAll}/{@code deleteAll} a
 * BulkResult. A verb a handle lacks is listed below with the reason; a verb that appears must be removed
 * from the list, and one that disappears fails the test.
 */
class VerbRuleTest {
    static final List<Class<?>> HANDLES = List.of(Links.class, Addresses.class, Routes.class, Rules.class, Nexthops.class,
            Neighbours.class, Bridges.class, Nsids.class, Qdiscs.class, TrafficClasses.class, Filters.class, Actions.class, GenericNetlink.class,
            EthtoolSettings.class, EthtoolLinkModes.class, EthtoolFeatures.class, EthtoolChannels.class, EthtoolStandardStats.class, EthtoolDriverStats.class, Netdev.class, Mptcp.class, TcpMetrics.class, Conntrack.class);
    static final List<String> VERBS = List.of("list", "find", "get", "add", "replace", "delete", "addAll", "deleteAll");

    /** handle.verb → why the handle does not have it. */
    static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("Links.replace", "the kernel changes an existing link in place (RTM_NEWLINK without NLM_F_EXCL): set(name, LinkChange)"),
            Map.entry("Rules.replace", "the kernel has no replace for policy rules (fib_nl_newrule ignores NLM_F_REPLACE): delete, then add"),
            Map.entry("Nsids.add", "ids are assigned by set(ns, id) or by the kernel (assign), as ip netns set does"),
            Map.entry("Nsids.replace", "the kernel never changes an id once assigned (EEXIST)"),
            Map.entry("Nsids.delete", "the kernel has no request that removes an id: it goes with its namespace"),
            Map.entry("Nsids.addAll", "no bulk assignment in the kernel's interface worth pipelining"),
            Map.entry("Nsids.deleteAll", "as Nsids.delete"),
            Map.entry("GenericNetlink.add", "families are registered by kernel modules, not over netlink"),
            Map.entry("GenericNetlink.replace", "as GenericNetlink.add"),
            Map.entry("GenericNetlink.delete", "as GenericNetlink.add"),
            Map.entry("GenericNetlink.addAll", "as GenericNetlink.add"),
            Map.entry("GenericNetlink.deleteAll", "as GenericNetlink.add"),
            // ethtool's settings and netdev's devices exist with their device: nothing to add or delete, and a
            // device that does not exist is the NoSuchLinkException of get (Links.find says whether it does)
            Map.entry("EthtoolSettings.find", "a device's settings exist while the device does: Links.find, then get"),
            Map.entry("EthtoolSettings.add", "settings come with the device"),
            Map.entry("EthtoolSettings.replace", "link info, link state and rings are read here, not written"),
            Map.entry("EthtoolSettings.delete", "settings go with the device"),
            Map.entry("EthtoolSettings.addAll", "as EthtoolSettings.add"),
            Map.entry("EthtoolSettings.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("EthtoolLinkModes.find", "as EthtoolSettings.find"),
            Map.entry("EthtoolLinkModes.add", "link modes come with the device; set changes speed, duplex, autoneg and the advertised modes"),
            Map.entry("EthtoolLinkModes.replace", "set changes what it names and leaves the rest, as ethtool -s does; the kernel has no whole replacement"),
            Map.entry("EthtoolLinkModes.delete", "as EthtoolSettings.delete"),
            Map.entry("EthtoolLinkModes.addAll", "as EthtoolLinkModes.add"),
            Map.entry("EthtoolLinkModes.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("EthtoolFeatures.find", "as EthtoolSettings.find"),
            Map.entry("EthtoolFeatures.add", "features come with the device; set turns them on and off"),
            Map.entry("EthtoolFeatures.replace", "set changes the features named, the kernel the ones that depend on them"),
            Map.entry("EthtoolFeatures.delete", "as EthtoolSettings.delete"),
            Map.entry("EthtoolFeatures.addAll", "as EthtoolFeatures.add"),
            Map.entry("EthtoolFeatures.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("EthtoolChannels.find", "as EthtoolSettings.find"),
            Map.entry("EthtoolChannels.add", "channels come with the device; set changes their counts"),
            Map.entry("EthtoolChannels.replace", "as EthtoolChannels.add"),
            Map.entry("EthtoolChannels.delete", "as EthtoolSettings.delete"),
            Map.entry("EthtoolChannels.addAll", "as EthtoolChannels.add"),
            Map.entry("EthtoolChannels.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("EthtoolStandardStats.find", "as EthtoolSettings.find"),
            Map.entry("EthtoolStandardStats.add", "counters are the driver's: nothing to add"),
            Map.entry("EthtoolStandardStats.replace", "as EthtoolStandardStats.add"),
            Map.entry("EthtoolStandardStats.delete", "as EthtoolSettings.delete"),
            Map.entry("EthtoolStandardStats.addAll", "as EthtoolStandardStats.add"),
            Map.entry("EthtoolStandardStats.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("EthtoolDriverStats.list", "the ioctl reads one device: Links.list, then get each"),
            Map.entry("EthtoolDriverStats.find", "as EthtoolSettings.find"),
            Map.entry("EthtoolDriverStats.add", "as EthtoolStandardStats.add"),
            Map.entry("EthtoolDriverStats.replace", "as EthtoolStandardStats.add"),
            Map.entry("EthtoolDriverStats.delete", "as EthtoolSettings.delete"),
            Map.entry("EthtoolDriverStats.addAll", "as EthtoolStandardStats.add"),
            Map.entry("EthtoolDriverStats.deleteAll", "as EthtoolSettings.delete"),
            Map.entry("Netdev.find", "as EthtoolSettings.find"),
            Map.entry("Netdev.add", "devices are links: Links.add"),
            Map.entry("Netdev.replace", "as Netdev.add"),
            Map.entry("Netdev.delete", "as Netdev.add"),
            Map.entry("Netdev.addAll", "as Netdev.add"),
            Map.entry("Netdev.deleteAll", "as Netdev.add"),
            Map.entry("Mptcp.replace", "the family has no replace (ADD_ADDR refuses a known address): setFlags changes what can change"),
            Map.entry("Mptcp.addAll", "a namespace has at most 255 endpoints, each added once: one request each"),
            Map.entry("Mptcp.deleteAll", "flush() deletes every endpoint in one request"),
            Map.entry("TcpMetrics.add", "the kernel fills the cache as connections close; there is no request that adds to it"),
            Map.entry("TcpMetrics.replace", "as TcpMetrics.add"),
            Map.entry("TcpMetrics.addAll", "as TcpMetrics.add"),
            Map.entry("TcpMetrics.deleteAll", "flush() deletes every entry in one request"),
            Map.entry("Conntrack.add", "entries are made by the traffic the kernel tracks; creating them (conntrack -I) is not built yet"),
            Map.entry("Conntrack.replace", "as Conntrack.add (conntrack -U)"),
            Map.entry("Conntrack.addAll", "as Conntrack.add"));

    private static List<Method> verbs(Class<?> handle, String verb) {
        return Arrays.stream(handle.getMethods()).filter(m -> m.getName().equals(verb) && m.getDeclaringClass() == handle
                && Modifier.isPublic(m.getModifiers())).toList();
    }

    /** The record a handle is about: what its single-object get returns. */
    private static Class<?> record(Class<?> handle) {
        return verbs(handle, "get").stream().map(Method::getReturnType).filter(t -> t != void.class).findFirst().orElse(null);
    }

    @Test
    void everyHandleHasEveryVerbOrAReason() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> h : HANDLES) {
            for (String v : VERBS) {
                String key = h.getSimpleName() + "." + v;
                boolean has = !verbs(h, v).isEmpty();
                if (has && EXCEPTIONS.containsKey(key)) wrong.add(key + " exists now: remove it from the exceptions");
                if (!has && !EXCEPTIONS.containsKey(key)) wrong.add(key + " is missing and no reason is given");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyVerbReturnsWhatTheRuleSays() {
        List<String> wrong = new ArrayList<>();
        for (Class<?> h : HANDLES) {
            Class<?> rec = record(h);
            for (Method m : verbs(h, "list")) if (m.getReturnType() != List.class) wrong.add(h.getSimpleName() + "." + m + " does not return a List");
            for (Method m : verbs(h, "find")) {
                Type t = m.getGenericReturnType();
                boolean optional = m.getReturnType() == OptionalInt.class
                        || (t instanceof ParameterizedType p && p.getRawType() == Optional.class && (rec == null || p.getActualTypeArguments()[0] == rec));
                if (!optional) wrong.add(h.getSimpleName() + "." + m.getName() + " returns " + t + ", not an Optional of " + rec);
            }
            for (Method m : verbs(h, "get")) if (m.getReturnType() == void.class || Optional.class.isAssignableFrom(m.getReturnType())) {
                wrong.add(h.getSimpleName() + ".get returns " + m.getReturnType());
            }
            for (String v : List.of("add", "replace")) {
                for (Method m : verbs(h, v)) if (m.getReturnType() != rec) wrong.add(h.getSimpleName() + "." + v + " returns " + m.getReturnType() + ", not " + rec);
            }
            for (Method m : verbs(h, "delete")) if (m.getReturnType() != void.class) wrong.add(h.getSimpleName() + ".delete returns " + m.getReturnType());
            for (String v : List.of("addAll", "deleteAll")) {
                for (Method m : verbs(h, v)) if (m.getReturnType() != BulkResult.class) wrong.add(h.getSimpleName() + "." + v + " returns " + m.getReturnType());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyExceptionNamesAHandleAndAVerbThisTestKnows() {
        for (String k : EXCEPTIONS.keySet()) {
            String[] hv = k.split("\\.");
            assertTrue(HANDLES.stream().anyMatch(h -> h.getSimpleName().equals(hv[0])) && VERBS.contains(hv[1]), k);
        }
    }
}
