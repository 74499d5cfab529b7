package io.github.netlink4j.internal.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * An arena of calloc'd blocks, freed together by {@link #close()}. Its segments have the global
 * scope, so passing them to a downcall costs no session acquire/release (the automatic and shared
 * arenas' sessions take two atomic updates per segment argument per call, a few of which a netlink
 * round trip makes). The price is the one any malloc has: the owner must not touch a segment after
 * close. The netlink socket is the owner; it closes the
 * arena under the same lock, after the same open-check, as every use.
 */
public final class MallocArena implements Arena {
    private static final MethodHandle CALLOC;
    private static final MethodHandle FREE;

    static {
        Linker linker = Linker.nativeLinker();
        var lookup = linker.defaultLookup();
        CALLOC = linker.downcallHandle(lookup.find("calloc").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_LONG, JAVA_LONG));
        FREE = linker.downcallHandle(lookup.find("free").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS));
    }

    private final List<MemorySegment> blocks = new ArrayList<>();
    private boolean closed;

    @Override
    @SuppressWarnings("restricted") // the module runs with --enable-native-access
    public synchronized MemorySegment allocate(long byteSize, long byteAlignment) {
        if (closed) throw new IllegalStateException("arena closed");
        if (byteSize < 0) throw new IllegalArgumentException("negative size " + byteSize);
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0 || byteAlignment > 16) {
            throw new IllegalArgumentException("alignment " + byteAlignment + " (calloc gives 16)");
        }
        MemorySegment p;
        try {
            p = (MemorySegment) CALLOC.invokeExact(1L, Math.max(1L, byteSize));
        } catch (Throwable t) {
            throw new IllegalStateException("calloc failed", t);
        }
        if (p.equals(MemorySegment.NULL)) throw new OutOfMemoryError("calloc(" + byteSize + ") failed");
        MemorySegment s = p.reinterpret(byteSize);
        blocks.add(s);
        return s;
    }

    @Override
    public MemorySegment.Scope scope() {
        return Arena.global().scope();
    }

    /** Frees every block; allocating afterwards throws. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (MemorySegment s : blocks) {
            try {
                FREE.invokeExact(s);
            } catch (Throwable t) {
                throw new IllegalStateException("free failed", t);
            }
        }
        blocks.clear();
    }
}
