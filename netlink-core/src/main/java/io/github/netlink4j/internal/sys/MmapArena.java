package io.github.netlink4j.internal.sys;

import io.github.netlink4j.error.SyscallException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * An arena of anonymous mappings, unmapped together by {@link #close()}. Small blocks are carved from
 * 16 KiB mappings, large ones get a mapping of their own. Its segments have the global scope, so
 * passing them to a downcall costs no session acquire/release (the automatic and shared arenas'
 * sessions take two atomic updates per segment argument per call, and a netlink round trip passes
 * several), and closing it unmaps at once, where closing a shared arena makes every thread pass a
 * handshake. The memory comes through the one {@code syscall} downcall shape, so a fresh JVM links no
 * allocator downcall for it. The price is the one any malloc has: the owner must not touch a segment
 * after close. The netlink socket is the owner; it closes the arena under the same lock, after the same
 * open-check, as every use.
 */
public final class MmapArena implements Arena {
    private static final long PAGE = 4096;
    private static final long CHUNK = 16 * 1024;

    private final List<MemorySegment> mappings = new ArrayList<>();
    private MemorySegment chunk;
    private long used;
    private boolean closed;

    @Override
    public synchronized MemorySegment allocate(long byteSize, long byteAlignment) {
        if (closed) throw new IllegalStateException("arena closed");
        if (byteSize < 0) throw new IllegalArgumentException("negative size " + byteSize);
        if (byteAlignment <= 0 || (byteAlignment & (byteAlignment - 1)) != 0 || byteAlignment > PAGE) {
            throw new IllegalArgumentException("alignment " + byteAlignment + " (a power of two up to the page size)");
        }
        long align = Math.max(byteAlignment, 16); // as malloc would: every block 16-aligned
        if (byteSize > CHUNK / 2) return map(roundUp(byteSize, PAGE)).asSlice(0, byteSize);
        long off = chunk == null ? 0 : roundUp(used, align);
        if (chunk == null || off + byteSize > chunk.byteSize()) {
            chunk = map(CHUNK);
            off = 0;
        }
        used = off + byteSize;
        return chunk.asSlice(off, byteSize);
    }

    private MemorySegment map(long length) {
        try {
            MemorySegment m = Libc.mmapAnonymous(length);
            mappings.add(m);
            return m;
        } catch (SyscallException e) {
            OutOfMemoryError oom = new OutOfMemoryError("mmap of " + length + " bytes: " + e.getMessage());
            oom.initCause(e);
            throw oom;
        }
    }

    private static long roundUp(long n, long to) {
        return (n + to - 1) & -to;
    }

    @Override
    public MemorySegment.Scope scope() {
        return Arena.global().scope();
    }

    /** Unmaps every block; allocating afterwards throws. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        chunk = null;
        for (MemorySegment m : mappings) {
            try {
                Libc.munmap(m);
            } catch (SyscallException e) {
                throw new IllegalStateException("munmap of a block this arena mapped: " + e.getMessage(), e);
            }
        }
        mappings.clear();
    }
}
