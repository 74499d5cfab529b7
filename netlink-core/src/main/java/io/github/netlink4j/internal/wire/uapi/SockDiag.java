package io.github.netlink4j.internal.wire.uapi;

/** Constants of {@code linux/sock_diag.h}, {@code linux/inet_diag.h} and {@code linux/unix_diag.h}. */
@SuppressWarnings("unused")
public final class SockDiag {
    private SockDiag() {}

    public static final int SOCK_DIAG_BY_FAMILY = 20;

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    /** sizeof(struct inet_diag_req_v2), sizeof(struct inet_diag_msg). */
    public static final int INET_DIAG_REQ_V2 = 56;
    public static final int INET_DIAG_MSG = 72;
    public static final int INET_DIAG_REQ_BYTECODE = 1;

    public static final int INET_DIAG_BC_NOP = 0;
    public static final int INET_DIAG_BC_JMP = 1;
    public static final int INET_DIAG_BC_S_GE = 2;
    public static final int INET_DIAG_BC_S_LE = 3;
    public static final int INET_DIAG_BC_D_GE = 4;
    public static final int INET_DIAG_BC_D_LE = 5;
    public static final int INET_DIAG_BC_AUTO = 6;
    public static final int INET_DIAG_BC_S_COND = 7;
    public static final int INET_DIAG_BC_D_COND = 8;

    /** sizeof(struct unix_diag_req), sizeof(struct unix_diag_msg). */
    public static final int UNIX_DIAG_REQ = 24;
    public static final int UNIX_DIAG_MSG = 16;
    public static final int UDIAG_SHOW_NAME = 0x01;
    public static final int UDIAG_SHOW_VFS = 0x02;
    public static final int UDIAG_SHOW_PEER = 0x04;
    public static final int UDIAG_SHOW_ICONS = 0x08;
    public static final int UDIAG_SHOW_RQLEN = 0x10;
    public static final int UNIX_DIAG_NAME = 0;
    public static final int UNIX_DIAG_VFS = 1;
    public static final int UNIX_DIAG_PEER = 2;
    public static final int UNIX_DIAG_ICONS = 3;
    public static final int UNIX_DIAG_RQLEN = 4;
}
