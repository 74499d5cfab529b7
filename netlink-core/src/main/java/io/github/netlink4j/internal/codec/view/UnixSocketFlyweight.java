package io.github.netlink4j.internal.codec.view;

import io.github.netlink4j.error.ProtocolException;
import io.github.netlink4j.internal.wire.uapi.SockDiag;
import io.github.netlink4j.sockdiag.SocketState;
import io.github.netlink4j.sockdiag.UnixSocketType;
import io.github.netlink4j.sockdiag.UnixSocketView;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The {@link UnixSocketView} over a SOCK_DIAG_BY_FAMILY reply: {@code struct unix_diag_msg} and the UNIX_DIAG_* it offers, read where they lie. */
public final class UnixSocketFlyweight extends DumpView implements UnixSocketView {
    private UnixSocketType type;
    private SocketState state;
    private long nameAt, rqAt;
    private int nameLen;
    private long peer;

    /** Points the view at the reply at {@code off}; a malformed message fails here, as the record's decoder does. */
    public void open(MemorySegment s, long off, int len) throws ProtocolException {
        open(s, off, len, SockDiag.UNIX_DIAG_MSG, "SOCK_DIAG_BY_FAMILY");
    }

    /** Ends the callback. */
    public void end() {
        close();
    }

    @Override
    void scan() throws ProtocolException {
        nameAt = rqAt = -1;
        nameLen = 0;
        peer = 0;
        if (a.u8At(h) != SockDiag.AF_UNIX) throw new ProtocolException("unix_diag_msg of family " + a.u8At(h) + ", not AF_UNIX");
        int t = a.u8At(h + 1);
        try {
            type = UnixSocketType.of(t);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("unix_diag_msg of socket type " + t);
        }
        state = SockDiagViews.state(a.u8At(h + 2), "unix_diag_msg");
        while (a.next()) {
            switch (a.type()) {
                case SockDiag.UNIX_DIAG_NAME -> {
                    nameAt = a.payloadOffset();
                    nameLen = a.payloadLength();
                }
                case SockDiag.UNIX_DIAG_PEER -> peer = Integer.toUnsignedLong(a.u32());
                case SockDiag.UNIX_DIAG_RQLEN -> {
                    if (a.payloadLength() != 8) throw new ProtocolException("UNIX_DIAG_RQLEN of " + a.payloadLength() + " bytes, not 8");
                    rqAt = a.payloadOffset();
                }
                default -> { }
            }
        }
    }

    @Override
    public UnixSocketType type() {
        check();
        return type;
    }

    @Override
    public SocketState state() {
        check();
        return state;
    }

    @Override
    public long inode() {
        check();
        return Integer.toUnsignedLong(a.s32At(h + 4));
    }

    @Override
    public Optional<String> path() {
        check();
        if (nameAt < 0) return Optional.empty();
        if (abstractName()) return Optional.of("@" + new String(bytes(nameAt + 1, nameLen - 1), StandardCharsets.UTF_8));
        return Optional.of(string(nameAt, nameLen));
    }

    @Override
    public boolean pathEquals(String path) {
        check();
        if (nameAt < 0) return false;
        if (!abstractName()) return stringEquals(nameAt, nameLen, path);
        // an abstract name is every byte after the NUL, NULs included: compared whole
        if (path.isEmpty() || path.charAt(0) != '@') return false;
        for (int i = 1; i < path.length(); i++) if (path.charAt(i) >= 0x80) return path().get().equals(path);
        if (path.length() != nameLen) return false;
        for (int i = 1; i < nameLen; i++) if (a.u8At(nameAt + i) != path.charAt(i)) return false;
        return true;
    }

    private boolean abstractName() {
        return nameLen > 0 && a.u8At(nameAt) == 0;
    }

    @Override
    public long peerInode() {
        check();
        return peer;
    }

    @Override
    public long receiveQueue() {
        check();
        return rqAt < 0 ? 0 : Integer.toUnsignedLong(a.s32At(rqAt));
    }

    @Override
    public long sendQueue() {
        check();
        return rqAt < 0 ? 0 : Integer.toUnsignedLong(a.s32At(rqAt + 4));
    }

    @Override
    public long cookie() {
        check();
        return Integer.toUnsignedLong(a.s32At(h + 8)) | Integer.toUnsignedLong(a.s32At(h + 12)) << 32;
    }

    @Override
    public String toString() {
        return "UnixSocketView[" + type() + " " + state() + " " + inode() + path().map(p -> " " + p).orElse("") + "]";
    }
}
