package io.github.netlink4j.examples.cni;

/** A CNI error: the spec's code, message and details, printed as JSON with a non-zero exit. */
class CniError extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    final String details;

    CniError(int code, String msg, String details) {
        super(msg);
        this.code = code;
        this.details = details;
    }
}
