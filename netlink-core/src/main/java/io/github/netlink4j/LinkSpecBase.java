package io.github.netlink4j;

import io.github.netlink4j.internal.wire.EncodedString;
import io.github.netlink4j.internal.wire.ShortString;

import java.util.Arrays;
import java.util.Objects;

/**
 * What every {@link LinkSpec} holds: the name (checked and packed for requests once, here), the
 * kind's encoded name, and the options; plus value semantics over each kind's components (what records
 * gave before the specs carried their packed names, which a record cannot hold besides its components).
 */
abstract sealed class LinkSpecBase implements LinkSpec
        permits LinkSpec.Veth, LinkSpec.Bridge, LinkSpec.Ifb, LinkSpec.Dummy, LinkSpec.Macvlan, LinkSpec.Vlan,
                LinkSpec.Ipvlan, LinkSpec.Bond, LinkSpec.Generic, LinkSpec.Vxlan {
    private final String name;
    private final LinkOptions options;
    // The name packed for requests (ShortString): two words and the UTF-8 length, no object.
    final long nameLo;
    final long nameHi;
    final int nameLength;
    final EncodedString encodedKind;

    LinkSpecBase(String name, EncodedString kind, LinkOptions options) {
        this.nameLength = Validate.ifName(name);
        this.nameLo = ShortString.word(name, nameLength, 0);
        this.nameHi = ShortString.word(name, nameLength, 1);
        this.name = name;
        this.encodedKind = kind;
        this.options = Objects.requireNonNull(options);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String kind() {
        return encodedKind.text();
    }

    @Override
    public final LinkOptions options() {
        return options;
    }

    /** The lower link's name for kinds stacked on one (IFLA_LINK); null for the others. */
    String parentName() {
        return null;
    }

    /** Alternating component names and values, in declaration order (for equals, hashCode, toString). */
    abstract Object[] components();

    @Override
    public final boolean equals(Object o) {
        return o == this || o != null && o.getClass() == getClass() && Arrays.equals(((LinkSpecBase) o).components(), components());
    }

    @Override
    public final int hashCode() {
        return Arrays.hashCode(components());
    }

    /** As a record would print it: {@code Veth[name=veth0, peerName=veth1, …]}. */
    @Override
    public final String toString() {
        Object[] c = components();
        StringBuilder b = new StringBuilder(getClass().getSimpleName()).append('[');
        for (int i = 0; i < c.length; i += 2) {
            if (i > 0) b.append(", ");
            b.append(c[i]).append('=').append(c[i + 1]);
        }
        return b.append(']').toString();
    }
}
