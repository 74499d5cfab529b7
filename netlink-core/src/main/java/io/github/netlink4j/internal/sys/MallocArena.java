package io.github.netlink4j.internal.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * An arena of calloc'd blocks, freed together by {@link #close()}. Its segments have the global
 * scope, so passing them to a downcall costs no session acquire/release (the automatic and shared
 * arenas' sessions take two atomic updates per segment argument per call, and a netlink round trip
 * passes several). The price is the one any malloc has: the owner must not touch a segment after
 * close. The netlink socket is the owner; it closes the arena under the same lock, after the same
 * open-check, as every use.
 */
public final class MallocArena implements Arena {
    private final List<MemorySegment> blocks = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized MemorySegment allocate(long byteSize, long byteAlignment) {
        if (closed) throw new IllegalStateException("arena closed");
        if (byteSize < 0) throw new IllegalArgumentException("negative size " + byteSize);
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0 || byteAlignment > 16) {
            throw new IllegalArgumentException("alignment " + byteAlignment + " (calloc gives 16)");
        }
        MemorySegment s = Libc.calloc(byteSize);
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
        for (MemorySegment s : blocks) Libc.free(s);
        blocks.clear();
    }
}
