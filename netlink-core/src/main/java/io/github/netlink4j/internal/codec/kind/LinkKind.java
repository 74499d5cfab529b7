package io.github.netlink4j.internal.codec.kind;

import io.github.netlink4j.common.RawAttribute;
import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.AttrTable;
import io.github.netlink4j.internal.wire.Attrs;
import io.github.netlink4j.internal.wire.MessageWriter;
import io.github.netlink4j.link.LinkData;
import io.github.netlink4j.link.LinkSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Everything the library knows about one link kind ({@code IFLA_INFO_KIND}), in one place: the spec
 * that creates it and how its IFLA_INFO_DATA is written, the record that data decodes to and the names
 * of its attributes for extended-ACK paths, and the links it refers to. {@link LinkKinds} finds it by its
 * class name; the link codec, the attribute namer and {@code referencedLinks} ask it, never a switch of
 * their own. A kind only overrides what it has; a kind without IFLA_INFO_DATA needs no descriptor.
 *
 * @param <S> the spec that creates a link of this kind
 */
public abstract class LinkKind<S extends LinkSpec> {
    private final String kind;
    private final Class<S> specType;
    private final Class<? extends LinkData> dataType;

    /**
     * @param kind     the IFLA_INFO_KIND string, null for the fallback that takes any kind
     * @param specType the spec that creates it
     * @param dataType what its IFLA_INFO_DATA decodes to ({@link LinkData.Other} when the kind has none)
     */
    protected LinkKind(String kind, Class<S> specType, Class<? extends LinkData> dataType) {
        this.kind = kind;
        this.specType = Objects.requireNonNull(specType);
        this.dataType = Objects.requireNonNull(dataType);
    }

    /** The IFLA_INFO_KIND string; null for the fallback. */
    public final String kind() {
        return kind;
    }

    /** The spec that creates a link of this kind. */
    public final Class<S> specType() {
        return specType;
    }

    /** What IFLA_INFO_DATA decodes to. */
    public final Class<? extends LinkData> dataType() {
        return dataType;
    }

    /** What IFLA_INFO_SLAVE_DATA of a port of a master of this kind decodes to, or null if it stays raw. */
    public Class<? extends LinkData> portDataType() {
        return null;
    }

    /**
     * The names of the IFLA_INFO_DATA attributes, or null (the default): an extended-ACK path then ends at
     * IFLA_INFO_DATA. Built on each call, from the uapi class by reflection: only an error being named
     * asks, so a link decoded or created never pays for it.
     */
    public AttrTable dataNames() {
        return null;
    }

    /** Writes IFLA_INFO_DATA for {@code spec} (the whole nest), resolving link names through {@code resolve}; nothing by default. */
    protected void encodeData(MessageWriter w, S spec, ToIntFunction<String> resolve) {
    }

    /** The lower link the new link is stacked on (IFLA_LINK), or null. */
    protected String parent(S spec) {
        return null;
    }

    /** Links named inside IFLA_INFO_DATA (a VXLAN's underlay), which {@link #encodeData} resolves. */
    protected List<String> dataLinks(S spec) {
        return List.of();
    }

    /** IFLA_INFO_DATA of a link of this kind; {@code d} is null when the kernel sent none. Raw by default. */
    protected LinkData decodeData(Attrs d) throws ProtocolException {
        return raw(d);
    }

    /** IFLA_INFO_SLAVE_DATA of a port whose master is of this kind ({@code d} never null). Raw by default. */
    protected LinkData decodePortData(Attrs d) throws ProtocolException {
        return raw(d);
    }

    /** The data without the timers that run while nothing else changes (a bridge's); as it is by default. */
    protected LinkData withoutTimers(LinkData data) {
        return data;
    }

    /** What a link of a kind without IFLA_INFO_DATA has: one value for all, as records are values. */
    private static final LinkData.Other NONE = new LinkData.Other(List.of());

    /** The attributes under {@code d} kept raw; none if {@code d} is null. */
    protected static LinkData.Other raw(Attrs d) throws ProtocolException {
        if (d == null) return NONE;
        List<RawAttribute> raw = new ArrayList<>();
        while (d.next()) raw.add(RawAttribute.of(d.type(), d.bytes()));
        return new LinkData.Other(raw);
    }

    /**
     * {@code of(value)} of a model enum, where a number no constant has is malformed data
     * ({@link ProtocolException} naming {@code what}), not a caller's mistake.
     */
    protected static <E> E known(IntFunction<E> of, int value, String what) throws ProtocolException {
        try {
            return of.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what + " " + value + " is not one this library knows");
        }
    }

    // The registry (and the link codec, through LinkKinds.kindOf) calls these with a spec checked to be of specType.

    /** Writes {@code spec}'s IFLA_INFO_DATA, if this kind has any. */
    public final void encode(MessageWriter w, LinkSpec spec, ToIntFunction<String> resolve) {
        encodeData(w, specType.cast(spec), resolve);
    }

    /** The lower link {@code spec} is stacked on (IFLA_LINK), or null. */
    public final String parentOf(LinkSpec spec) {
        return parent(specType.cast(spec));
    }

    final List<String> dataLinksOf(LinkSpec spec) {
        return dataLinks(specType.cast(spec));
    }

    @Override
    public String toString() {
        return kind == null ? "(any other kind)" : kind;
    }
}
