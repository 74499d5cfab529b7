package io.github.netlink4j.internal.codec.kind;

/** macvtap: macvlan's spec, data and attributes under its own kind name (LinkKinds finds a kind by its class name). */
final class MacvtapKind extends MacvlanKind {
    MacvtapKind() {
        super("macvtap");
    }
}
