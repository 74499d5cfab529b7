package io.github.netlink4j.internal.codec.genl;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.Attrs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import static io.github.netlink4j.internal.wire.spec.gen.Ethtool.*;

/**
 * An ethtool bitset (ETHTOOL_A_BITSET_*) in either of its forms: compact (SIZE, then VALUE and MASK as
 * arrays of u32 words in host order, bit n in word n/32) or verbose (BITS, one nest per bit with its
 * index, name and a VALUE flag when the bit is set). Without NOMASK the mask says which bits the set
 * speaks of; with it, every bit does, and a verbose set is a list: a bit listed is set, with or without
 * VALUE (the kernel writes no VALUE in a list, ETHTOOL_A_LINKMODES_PEER for one).
 */
final class Bitset {
    static final Bitset EMPTY = new Bitset(0, new BitSet(), new BitSet(), Map.of());
    private static final ValueLayout.OfInt WORD = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder());

    private final int size;
    private final BitSet value;
    private final BitSet mask;
    private final Map<Integer, String> names;

    private Bitset(int size, BitSet value, BitSet mask, Map<Integer, String> names) {
        this.size = size;
        this.value = value;
        this.mask = mask;
        this.names = names;
    }

    /** The bitset whose attributes {@code a} iterates. */
    static Bitset decode(Attrs a) throws ProtocolException {
        boolean nomask = false;
        int size = 0;
        byte[] value = null, mask = null;
        BitSet vbits = new BitSet(), mbits = new BitSet();
        Map<Integer, String> names = new HashMap<>();
        boolean verbose = false;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_BITSET_NOMASK -> nomask = true;
                case ETHTOOL_A_BITSET_SIZE -> size = a.u32();
                case ETHTOOL_A_BITSET_VALUE -> value = a.bytes();
                case ETHTOOL_A_BITSET_MASK -> mask = a.bytes();
                case ETHTOOL_A_BITSET_BITS -> {
                    verbose = true;
                    Attrs bits = a.nestedAttrs("ETHTOOL_A_BITSET_BITS");
                    while (bits.next()) {
                        Attrs bit = bits.nestedAttrs("ETHTOOL_A_BITSET_BITS_BIT");
                        int index = -1;
                        boolean on = false;
                        String name = null;
                        while (bit.next()) {
                            if (bit.type() == ETHTOOL_A_BITSET_BIT_INDEX) index = bit.u32();
                            else if (bit.type() == ETHTOOL_A_BITSET_BIT_NAME) name = bit.string();
                            else if (bit.type() == ETHTOOL_A_BITSET_BIT_VALUE) on = true;
                        }
                        if (index < 0 || index > 0xffff) throw new ProtocolException("bitset bit without a usable index: " + index);
                        mbits.set(index);
                        if (on) vbits.set(index);
                        if (name != null) names.put(index, name);
                    }
                }
                default -> { }
            }
        }
        if (size < 0 || size > 0x10000) throw new ProtocolException("bitset of " + Integer.toUnsignedString(size) + " bits");
        if (!verbose) {
            words(value, size, vbits, "ETHTOOL_A_BITSET_VALUE");
            if (nomask || mask == null) mbits.set(0, size);
            else words(mask, size, mbits, "ETHTOOL_A_BITSET_MASK");
        } else if (nomask) {
            vbits.or(mbits); // every bit listed is set
            mbits.set(0, size);
        }
        return new Bitset(Math.max(size, mbits.length()), vbits, mbits, Map.copyOf(names));
    }

    private static void words(byte[] b, int size, BitSet into, String what) throws ProtocolException {
        if (b == null) return;
        int words = (size + 31) / 32;
        if (b.length < words * 4) throw new ProtocolException(what + " of " + b.length + " bytes for " + size + " bits");
        MemorySegment s = MemorySegment.ofArray(b);
        for (int i = 0; i < size; i++) {
            if ((s.get(WORD, (long) (i / 32) * 4) >>> (i % 32) & 1) != 0) into.set(i);
        }
    }

    /** Bits the set speaks of: its size, or one past its highest listed bit. */
    int size() {
        return size;
    }

    /** Whether bit {@code i} is set (and in the mask). */
    boolean value(int i) {
        return value.get(i) && mask.get(i);
    }

    /** Whether bit {@code i} is in the mask. */
    boolean masked(int i) {
        return mask.get(i);
    }

    /** The name a verbose bitset gave bit {@code i}, or null. */
    String name(int i) {
        return names.get(i);
    }
}
