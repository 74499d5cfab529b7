package io.github.netlink4j;

import io.github.netlink4j.bridge.BridgePort;
import io.github.netlink4j.bridge.BridgePortSettings;
import io.github.netlink4j.bridge.BridgePortSpec;
import io.github.netlink4j.bridge.BridgeVlan;
import io.github.netlink4j.bridge.BridgeVlanSpec;
import io.github.netlink4j.common.BulkResult;
import io.github.netlink4j.error.AlreadyExistsException;
import io.github.netlink4j.error.NetlinkException;
import io.github.netlink4j.error.NotFoundException;
import io.github.netlink4j.internal.codec.BridgeCodec;
import io.github.netlink4j.internal.codec.LinkCodec;
import io.github.netlink4j.internal.transport.RequestSocket;
import io.github.netlink4j.internal.transport.Target;
import io.github.netlink4j.link.Link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bridge ports and their settings, port VLANs and VLAN filtering: what iproute2's {@code bridge link},
 * {@code bridge vlan} and {@code ip link set … master|type bridge|bridge_slave} read and change. A
 * bridge and its links are made with {@link Links}; a port here is a link enslaved to a bridge.
 *
 * {@snippet :
 * nl.bridges().add(BridgePortSpec.of("veth0", "br0").withSettings(BridgePortSettings.empty().withHairpin(true)));
 * BridgePort p = nl.bridges().get("veth0");                                // bridge -d link show dev veth0
 * nl.bridges().addVlan(BridgeVlanSpec.of("veth0", 100).withPvid(true).withUntagged(true));
 * }
 *
 * <p>Round trips: {@code list}, {@code find} and {@code get} one AF_BRIDGE dump; {@code add} and
 * {@code replace} four or five (the port and the bridge looked up, IFLA_MASTER set, the settings if any,
 * the port read back); {@code delete} two; {@code addAll} and {@code deleteAll} one lookup per distinct
 * name, then one per 64 ports (twice for {@code addAll} when settings are given).
 */
public final class Bridges {
    private final RequestSocket socket;
    private final Links links;

    Bridges(RequestSocket socket, Links links) {
        this.socket = socket;
        this.links = links;
    }

    /** Every bridge port in the namespace ({@code bridge link show}). */
    public List<BridgePort> list() throws NetlinkException {
        List<BridgePort> out = new ArrayList<>();
        socket.dump(w -> BridgeCodec.encodeDump(w, false), BridgeCodec.NEW, (s, off, len) -> {
            BridgePort p = BridgeCodec.decodePort(s, off, len);
            if (p != null) out.add(p);
        }, out::clear, "bridge ports");
        return List.copyOf(out);
    }

    /** The ports of bridge {@code bridge} ({@code bridge link show master BRIDGE}). */
    public List<BridgePort> list(String bridge) throws NetlinkException {
        int b = links.index(bridge);
        return list().stream().filter(p -> p.bridgeIndex() == b).toList();
    }

    /** Port {@code port}, if that link is enslaved to a bridge. */
    public Optional<BridgePort> find(String port) throws NetlinkException {
        return list().stream().filter(p -> p.port().equals(port)).findFirst();
    }

    /** Port {@code port}; {@link NotFoundException} if no bridge has a port of that name. */
    public BridgePort get(String port) throws NetlinkException {
        return find(port).orElseThrow(() -> new NotFoundException("bridge port " + port + " does not exist", null));
    }

    /**
     * Enslaves {@code spec.port()} to {@code spec.bridge()} and applies the spec's settings; returns the
     * port as the kernel then reports it. {@link AlreadyExistsException} if the link already has a master
     * (use {@link #replace} to move it).
     */
    public BridgePort add(BridgePortSpec spec) throws NetlinkException {
        Link l = links.get(spec.port());
        if (l.masterIndex().isPresent()) {
            throw AlreadyExistsException.beforeAsking("add bridge port " + spec.port() + " master " + spec.bridge(),
                    "bridge port " + spec.port() + " (enslaved to link " + l.masterIndex().getAsInt() + ")");
        }
        return enslave(spec, l.index());
    }

    /** Enslaves {@code spec.port()} to {@code spec.bridge()} whatever its master was, and applies the settings. */
    public BridgePort replace(BridgePortSpec spec) throws NetlinkException {
        return enslave(spec, links.index(spec.port()));
    }

    private BridgePort enslave(BridgePortSpec spec, int index) throws NetlinkException {
        int bridge = links.index(spec.bridge());
        socket.request(w -> LinkCodec.encodeChange(w, index, 0, 0, LinkCodec.master(bridge)), null, target("add bridge port", spec));
        if (!spec.settings().equals(BridgePortSettings.empty())) {
            socket.request(w -> BridgeCodec.encodePortSettings(w, index, spec.settings()), null, target("set bridge port", spec));
        }
        return find(spec.port()).orElseThrow(() -> new NotFoundException("bridge port " + spec.port() + " was added but is gone", null));
    }

    /**
     * Takes {@code spec.port()} out of {@code spec.bridge()} ({@code ip link set PORT nomaster});
     * {@link NotFoundException} if it is not a port of that bridge.
     */
    public void delete(BridgePortSpec spec) throws NetlinkException {
        Link l = links.get(spec.port());
        int bridge = links.index(spec.bridge());
        if (l.masterIndex().orElse(0) != bridge) throw new NotFoundException("link " + spec.port() + " is not a port of " + spec.bridge(), null);
        socket.request(w -> LinkCodec.encodeChange(w, l.index(), 0, 0, LinkCodec.master(0)), null, target("delete bridge port", spec));
    }

    /**
     * Enslaves many links, pipelined, then applies the settings of those that were enslaved; each spec
     * reports its own success or error (the first that failed), and nothing is asked back.
     */
    public BulkResult<Void> addAll(List<BridgePortSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> LinkCodec.encodeChange(w, idx.get(specs.get(i).port()), 0, 0, LinkCodec.master(idx.get(specs.get(i).bridge()))),
                null, i -> target("add bridge port", specs.get(i)));
        List<Integer> withSettings = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (errs[i] == null && !specs.get(i).settings().equals(BridgePortSettings.empty())) withSettings.add(i);
        }
        if (!withSettings.isEmpty()) {
            NetlinkException[] second = socket.batch(withSettings.size(), (w, k) -> {
                BridgePortSpec s = specs.get(withSettings.get(k));
                BridgeCodec.encodePortSettings(w, idx.get(s.port()), s.settings());
            }, null, k -> target("set bridge port", specs.get(withSettings.get(k))));
            for (int k = 0; k < second.length; k++) if (second[k] != null) errs[withSettings.get(k)] = second[k];
        }
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    /** Takes many ports out of their bridges ({@code nomaster}), pipelined; each reports its own success or error. */
    public BulkResult<Void> deleteAll(List<BridgePortSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = indexes(specs);
        NetlinkException[] errs = socket.batch(specs.size(),
                (w, i) -> LinkCodec.encodeChange(w, idx.get(specs.get(i).port()), 0, 0, LinkCodec.master(0)), null,
                i -> target("delete bridge port", specs.get(i)));
        return new BulkResult<>(Arrays.asList(new Void[specs.size()]), Arrays.asList(errs));
    }

    private Map<String, Integer> indexes(List<BridgePortSpec> specs) throws NetlinkException {
        Map<String, Integer> idx = new HashMap<>();
        for (BridgePortSpec s : specs) {
            for (String n : List.of(s.port(), s.bridge())) if (!idx.containsKey(n)) idx.put(n, links.index(n));
        }
        return idx;
    }

    /** Changes port {@code port}'s bridge settings in one request (the link must be enslaved to a bridge). */
    public void setPort(String port, BridgePortSettings s) throws NetlinkException {
        int index = links.index(port);
        socket.request(w -> BridgeCodec.encodePortSettings(w, index, s), null, Target.onLink("set bridge port", "port " + port, port));
    }

    /** Turns VLAN filtering of bridge {@code bridge} on or off (IFLA_BR_VLAN_FILTERING). */
    public void setVlanFiltering(String bridge, boolean on) throws NetlinkException {
        int index = links.index(bridge);
        socket.request(w -> BridgeCodec.encodeVlanFiltering(w, index, on), null, Target.onLink("set vlan_filtering", "bridge " + bridge, bridge));
    }

    /** Every VLAN of every port and bridge ({@code bridge vlan show}), one entry per VLAN id. */
    public List<BridgeVlan> vlans() throws NetlinkException {
        List<BridgeVlan> out = new ArrayList<>();
        socket.dump(w -> BridgeCodec.encodeDump(w, true), BridgeCodec.NEW, (s, off, len) -> BridgeCodec.decodeVlans(s, off, len, out::add),
                out::clear, "bridge vlans");
        return List.copyOf(out);
    }

    /** The VLANs of port (or bridge) {@code port} ({@code bridge vlan show dev PORT}). */
    public List<BridgeVlan> vlans(String port) throws NetlinkException {
        return vlans().stream().filter(v -> v.port().equals(port)).toList();
    }

    /** Adds a VLAN to a port, or changes its flags ({@code bridge vlan add dev PORT vid VID [pvid] [untagged]}). */
    public void addVlan(BridgeVlanSpec v) throws NetlinkException {
        int index = links.index(v.port());
        socket.request(w -> BridgeCodec.encodeVlan(w, index, v.vid(), v.pvid(), v.untagged(), false), null,
                Target.onLink("add bridge vlan", "vlan " + v.vid() + " on " + v.port(), v.port()));
    }

    /** Removes a VLAN from a port ({@code bridge vlan del dev PORT vid VID}); the flags of the spec are not sent. */
    public void deleteVlan(BridgeVlanSpec v) throws NetlinkException {
        int index = links.index(v.port());
        socket.request(w -> BridgeCodec.encodeVlan(w, index, v.vid(), false, false, true), null,
                Target.onLink("delete bridge vlan", "vlan " + v.vid() + " on " + v.port(), v.port()));
    }

    private static Target target(String what, BridgePortSpec s) {
        return Target.onLink(what + " " + s.port() + " master " + s.bridge(), "port " + s.port() + " of " + s.bridge(), s.port());
    }
}
