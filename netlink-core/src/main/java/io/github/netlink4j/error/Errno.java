package io.github.netlink4j.error;

/**
 * Linux errno numbers with their symbolic names and descriptions.
 *
 * <p>Generated from {@code /usr/include/asm-generic/errno-base.h} and {@code errno.h}: the
 * descriptions are the header comments, which are what glibc's {@code strerror} prints for
 * almost every code, so no native call is needed to describe an error.
 *
 * {@snippet :
 * catch (KernelException e) {
 *     if (e.errno() == Errno.ENOENT) …;
 *     System.err.println(Errno.name(e.errno()) + ": " + Errno.describe(e.errno()));   // ENOENT: No such file or directory
 * }
 * }
 */
public final class Errno {
    private Errno() {}

    /** {@code EPERM}. */ public static final int EPERM = 1;
    /** {@code ENOENT}. */ public static final int ENOENT = 2;
    /** {@code ESRCH}. */ public static final int ESRCH = 3;
    /** {@code EINTR}. */ public static final int EINTR = 4;
    /** {@code EIO}. */ public static final int EIO = 5;
    /** {@code ENXIO}. */ public static final int ENXIO = 6;
    /** {@code E2BIG}. */ public static final int E2BIG = 7;
    /** {@code ENOEXEC}. */ public static final int ENOEXEC = 8;
    /** {@code EBADF}. */ public static final int EBADF = 9;
    /** {@code ECHILD}. */ public static final int ECHILD = 10;
    /** {@code EAGAIN}. */ public static final int EAGAIN = 11;
    /** {@code ENOMEM}. */ public static final int ENOMEM = 12;
    /** {@code EACCES}. */ public static final int EACCES = 13;
    /** {@code EFAULT}. */ public static final int EFAULT = 14;
    /** {@code ENOTBLK}. */ public static final int ENOTBLK = 15;
    /** {@code EBUSY}. */ public static final int EBUSY = 16;
    /** {@code EEXIST}. */ public static final int EEXIST = 17;
    /** {@code EXDEV}. */ public static final int EXDEV = 18;
    /** {@code ENODEV}. */ public static final int ENODEV = 19;
    /** {@code ENOTDIR}. */ public static final int ENOTDIR = 20;
    /** {@code EISDIR}. */ public static final int EISDIR = 21;
    /** {@code EINVAL}. */ public static final int EINVAL = 22;
    /** {@code ENFILE}. */ public static final int ENFILE = 23;
    /** {@code EMFILE}. */ public static final int EMFILE = 24;
    /** {@code ENOTTY}. */ public static final int ENOTTY = 25;
    /** {@code ETXTBSY}. */ public static final int ETXTBSY = 26;
    /** {@code EFBIG}. */ public static final int EFBIG = 27;
    /** {@code ENOSPC}. */ public static final int ENOSPC = 28;
    /** {@code ESPIPE}. */ public static final int ESPIPE = 29;
    /** {@code EROFS}. */ public static final int EROFS = 30;
    /** {@code EMLINK}. */ public static final int EMLINK = 31;
    /** {@code EPIPE}. */ public static final int EPIPE = 32;
    /** {@code EDOM}. */ public static final int EDOM = 33;
    /** {@code ERANGE}. */ public static final int ERANGE = 34;
    /** {@code EDEADLK}. */ public static final int EDEADLK = 35;
    /** {@code ENAMETOOLONG}. */ public static final int ENAMETOOLONG = 36;
    /** {@code ENOLCK}. */ public static final int ENOLCK = 37;
    /** {@code ENOSYS}. */ public static final int ENOSYS = 38;
    /** {@code ENOTEMPTY}. */ public static final int ENOTEMPTY = 39;
    /** {@code ELOOP}. */ public static final int ELOOP = 40;
    /** {@code ENOMSG}. */ public static final int ENOMSG = 42;
    /** {@code EIDRM}. */ public static final int EIDRM = 43;
    /** {@code ECHRNG}. */ public static final int ECHRNG = 44;
    /** {@code EL2NSYNC}. */ public static final int EL2NSYNC = 45;
    /** {@code EL3HLT}. */ public static final int EL3HLT = 46;
    /** {@code EL3RST}. */ public static final int EL3RST = 47;
    /** {@code ELNRNG}. */ public static final int ELNRNG = 48;
    /** {@code EUNATCH}. */ public static final int EUNATCH = 49;
    /** {@code ENOCSI}. */ public static final int ENOCSI = 50;
    /** {@code EL2HLT}. */ public static final int EL2HLT = 51;
    /** {@code EBADE}. */ public static final int EBADE = 52;
    /** {@code EBADR}. */ public static final int EBADR = 53;
    /** {@code EXFULL}. */ public static final int EXFULL = 54;
    /** {@code ENOANO}. */ public static final int ENOANO = 55;
    /** {@code EBADRQC}. */ public static final int EBADRQC = 56;
    /** {@code EBADSLT}. */ public static final int EBADSLT = 57;
    /** {@code EBFONT}. */ public static final int EBFONT = 59;
    /** {@code ENOSTR}. */ public static final int ENOSTR = 60;
    /** {@code ENODATA}. */ public static final int ENODATA = 61;
    /** {@code ETIME}. */ public static final int ETIME = 62;
    /** {@code ENOSR}. */ public static final int ENOSR = 63;
    /** {@code ENONET}. */ public static final int ENONET = 64;
    /** {@code ENOPKG}. */ public static final int ENOPKG = 65;
    /** {@code EREMOTE}. */ public static final int EREMOTE = 66;
    /** {@code ENOLINK}. */ public static final int ENOLINK = 67;
    /** {@code EADV}. */ public static final int EADV = 68;
    /** {@code ESRMNT}. */ public static final int ESRMNT = 69;
    /** {@code ECOMM}. */ public static final int ECOMM = 70;
    /** {@code EPROTO}. */ public static final int EPROTO = 71;
    /** {@code EMULTIHOP}. */ public static final int EMULTIHOP = 72;
    /** {@code EDOTDOT}. */ public static final int EDOTDOT = 73;
    /** {@code EBADMSG}. */ public static final int EBADMSG = 74;
    /** {@code EOVERFLOW}. */ public static final int EOVERFLOW = 75;
    /** {@code ENOTUNIQ}. */ public static final int ENOTUNIQ = 76;
    /** {@code EBADFD}. */ public static final int EBADFD = 77;
    /** {@code EREMCHG}. */ public static final int EREMCHG = 78;
    /** {@code ELIBACC}. */ public static final int ELIBACC = 79;
    /** {@code ELIBBAD}. */ public static final int ELIBBAD = 80;
    /** {@code ELIBSCN}. */ public static final int ELIBSCN = 81;
    /** {@code ELIBMAX}. */ public static final int ELIBMAX = 82;
    /** {@code ELIBEXEC}. */ public static final int ELIBEXEC = 83;
    /** {@code EILSEQ}. */ public static final int EILSEQ = 84;
    /** {@code ERESTART}. */ public static final int ERESTART = 85;
    /** {@code ESTRPIPE}. */ public static final int ESTRPIPE = 86;
    /** {@code EUSERS}. */ public static final int EUSERS = 87;
    /** {@code ENOTSOCK}. */ public static final int ENOTSOCK = 88;
    /** {@code EDESTADDRREQ}. */ public static final int EDESTADDRREQ = 89;
    /** {@code EMSGSIZE}. */ public static final int EMSGSIZE = 90;
    /** {@code EPROTOTYPE}. */ public static final int EPROTOTYPE = 91;
    /** {@code ENOPROTOOPT}. */ public static final int ENOPROTOOPT = 92;
    /** {@code EPROTONOSUPPORT}. */ public static final int EPROTONOSUPPORT = 93;
    /** {@code ESOCKTNOSUPPORT}. */ public static final int ESOCKTNOSUPPORT = 94;
    /** {@code EOPNOTSUPP}. */ public static final int EOPNOTSUPP = 95;
    /** {@code EPFNOSUPPORT}. */ public static final int EPFNOSUPPORT = 96;
    /** {@code EAFNOSUPPORT}. */ public static final int EAFNOSUPPORT = 97;
    /** {@code EADDRINUSE}. */ public static final int EADDRINUSE = 98;
    /** {@code EADDRNOTAVAIL}. */ public static final int EADDRNOTAVAIL = 99;
    /** {@code ENETDOWN}. */ public static final int ENETDOWN = 100;
    /** {@code ENETUNREACH}. */ public static final int ENETUNREACH = 101;
    /** {@code ENETRESET}. */ public static final int ENETRESET = 102;
    /** {@code ECONNABORTED}. */ public static final int ECONNABORTED = 103;
    /** {@code ECONNRESET}. */ public static final int ECONNRESET = 104;
    /** {@code ENOBUFS}. */ public static final int ENOBUFS = 105;
    /** {@code EISCONN}. */ public static final int EISCONN = 106;
    /** {@code ENOTCONN}. */ public static final int ENOTCONN = 107;
    /** {@code ESHUTDOWN}. */ public static final int ESHUTDOWN = 108;
    /** {@code ETOOMANYREFS}. */ public static final int ETOOMANYREFS = 109;
    /** {@code ETIMEDOUT}. */ public static final int ETIMEDOUT = 110;
    /** {@code ECONNREFUSED}. */ public static final int ECONNREFUSED = 111;
    /** {@code EHOSTDOWN}. */ public static final int EHOSTDOWN = 112;
    /** {@code EHOSTUNREACH}. */ public static final int EHOSTUNREACH = 113;
    /** {@code EALREADY}. */ public static final int EALREADY = 114;
    /** {@code EINPROGRESS}. */ public static final int EINPROGRESS = 115;
    /** {@code ESTALE}. */ public static final int ESTALE = 116;
    /** {@code EUCLEAN}. */ public static final int EUCLEAN = 117;
    /** {@code ENOTNAM}. */ public static final int ENOTNAM = 118;
    /** {@code ENAVAIL}. */ public static final int ENAVAIL = 119;
    /** {@code EISNAM}. */ public static final int EISNAM = 120;
    /** {@code EREMOTEIO}. */ public static final int EREMOTEIO = 121;
    /** {@code EDQUOT}. */ public static final int EDQUOT = 122;
    /** {@code ENOMEDIUM}. */ public static final int ENOMEDIUM = 123;
    /** {@code EMEDIUMTYPE}. */ public static final int EMEDIUMTYPE = 124;
    /** {@code ECANCELED}. */ public static final int ECANCELED = 125;
    /** {@code ENOKEY}. */ public static final int ENOKEY = 126;
    /** {@code EKEYEXPIRED}. */ public static final int EKEYEXPIRED = 127;
    /** {@code EKEYREVOKED}. */ public static final int EKEYREVOKED = 128;
    /** {@code EKEYREJECTED}. */ public static final int EKEYREJECTED = 129;
    /** {@code EOWNERDEAD}. */ public static final int EOWNERDEAD = 130;
    /** {@code ENOTRECOVERABLE}. */ public static final int ENOTRECOVERABLE = 131;
    /** {@code ERFKILL}. */ public static final int ERFKILL = 132;
    /** {@code EHWPOISON}. */ public static final int EHWPOISON = 133;

    private static final String[] NAMES = new String[134];
    private static final String[] TEXTS = new String[134];
    static {
        put(1, "EPERM", "Operation not permitted");
        put(2, "ENOENT", "No such file or directory");
        put(3, "ESRCH", "No such process");
        put(4, "EINTR", "Interrupted system call");
        put(5, "EIO", "I/O error");
        put(6, "ENXIO", "No such device or address");
        put(7, "E2BIG", "Argument list too long");
        put(8, "ENOEXEC", "Exec format error");
        put(9, "EBADF", "Bad file number");
        put(10, "ECHILD", "No child processes");
        put(11, "EAGAIN", "Try again");
        put(12, "ENOMEM", "Out of memory");
        put(13, "EACCES", "Permission denied");
        put(14, "EFAULT", "Bad address");
        put(15, "ENOTBLK", "Block device required");
        put(16, "EBUSY", "Device or resource busy");
        put(17, "EEXIST", "File exists");
        put(18, "EXDEV", "Cross-device link");
        put(19, "ENODEV", "No such device");
        put(20, "ENOTDIR", "Not a directory");
        put(21, "EISDIR", "Is a directory");
        put(22, "EINVAL", "Invalid argument");
        put(23, "ENFILE", "File table overflow");
        put(24, "EMFILE", "Too many open files");
        put(25, "ENOTTY", "Not a typewriter");
        put(26, "ETXTBSY", "Text file busy");
        put(27, "EFBIG", "File too large");
        put(28, "ENOSPC", "No space left on device");
        put(29, "ESPIPE", "Illegal seek");
        put(30, "EROFS", "Read-only file system");
        put(31, "EMLINK", "Too many links");
        put(32, "EPIPE", "Broken pipe");
        put(33, "EDOM", "Math argument out of domain of func");
        put(34, "ERANGE", "Math result not representable");
        put(35, "EDEADLK", "Resource deadlock would occur");
        put(36, "ENAMETOOLONG", "File name too long");
        put(37, "ENOLCK", "No record locks available");
        put(38, "ENOSYS", "Invalid system call number");
        put(39, "ENOTEMPTY", "Directory not empty");
        put(40, "ELOOP", "Too many symbolic links encountered");
        put(42, "ENOMSG", "No message of desired type");
        put(43, "EIDRM", "Identifier removed");
        put(44, "ECHRNG", "Channel number out of range");
        put(45, "EL2NSYNC", "Level 2 not synchronized");
        put(46, "EL3HLT", "Level 3 halted");
        put(47, "EL3RST", "Level 3 reset");
        put(48, "ELNRNG", "Link number out of range");
        put(49, "EUNATCH", "Protocol driver not attached");
        put(50, "ENOCSI", "No CSI structure available");
        put(51, "EL2HLT", "Level 2 halted");
        put(52, "EBADE", "Invalid exchange");
        put(53, "EBADR", "Invalid request descriptor");
        put(54, "EXFULL", "Exchange full");
        put(55, "ENOANO", "No anode");
        put(56, "EBADRQC", "Invalid request code");
        put(57, "EBADSLT", "Invalid slot");
        put(59, "EBFONT", "Bad font file format");
        put(60, "ENOSTR", "Device not a stream");
        put(61, "ENODATA", "No data available");
        put(62, "ETIME", "Timer expired");
        put(63, "ENOSR", "Out of streams resources");
        put(64, "ENONET", "Machine is not on the network");
        put(65, "ENOPKG", "Package not installed");
        put(66, "EREMOTE", "Object is remote");
        put(67, "ENOLINK", "Link has been severed");
        put(68, "EADV", "Advertise error");
        put(69, "ESRMNT", "Srmount error");
        put(70, "ECOMM", "Communication error on send");
        put(71, "EPROTO", "Protocol error");
        put(72, "EMULTIHOP", "Multihop attempted");
        put(73, "EDOTDOT", "RFS specific error");
        put(74, "EBADMSG", "Not a data message");
        put(75, "EOVERFLOW", "Value too large for defined data type");
        put(76, "ENOTUNIQ", "Name not unique on network");
        put(77, "EBADFD", "File descriptor in bad state");
        put(78, "EREMCHG", "Remote address changed");
        put(79, "ELIBACC", "Can not access a needed shared library");
        put(80, "ELIBBAD", "Accessing a corrupted shared library");
        put(81, "ELIBSCN", ".lib section in a.out corrupted");
        put(82, "ELIBMAX", "Attempting to link in too many shared libraries");
        put(83, "ELIBEXEC", "Cannot exec a shared library directly");
        put(84, "EILSEQ", "Illegal byte sequence");
        put(85, "ERESTART", "Interrupted system call should be restarted");
        put(86, "ESTRPIPE", "Streams pipe error");
        put(87, "EUSERS", "Too many users");
        put(88, "ENOTSOCK", "Socket operation on non-socket");
        put(89, "EDESTADDRREQ", "Destination address required");
        put(90, "EMSGSIZE", "Message too long");
        put(91, "EPROTOTYPE", "Protocol wrong type for socket");
        put(92, "ENOPROTOOPT", "Protocol not available");
        put(93, "EPROTONOSUPPORT", "Protocol not supported");
        put(94, "ESOCKTNOSUPPORT", "Socket type not supported");
        put(95, "EOPNOTSUPP", "Operation not supported");
        put(96, "EPFNOSUPPORT", "Protocol family not supported");
        put(97, "EAFNOSUPPORT", "Address family not supported by protocol");
        put(98, "EADDRINUSE", "Address already in use");
        put(99, "EADDRNOTAVAIL", "Cannot assign requested address");
        put(100, "ENETDOWN", "Network is down");
        put(101, "ENETUNREACH", "Network is unreachable");
        put(102, "ENETRESET", "Network dropped connection because of reset");
        put(103, "ECONNABORTED", "Software caused connection abort");
        put(104, "ECONNRESET", "Connection reset by peer");
        put(105, "ENOBUFS", "No buffer space available");
        put(106, "EISCONN", "Transport endpoint is already connected");
        put(107, "ENOTCONN", "Transport endpoint is not connected");
        put(108, "ESHUTDOWN", "Cannot send after transport endpoint shutdown");
        put(109, "ETOOMANYREFS", "Too many references: cannot splice");
        put(110, "ETIMEDOUT", "Connection timed out");
        put(111, "ECONNREFUSED", "Connection refused");
        put(112, "EHOSTDOWN", "Host is down");
        put(113, "EHOSTUNREACH", "No route to host");
        put(114, "EALREADY", "Operation already in progress");
        put(115, "EINPROGRESS", "Operation now in progress");
        put(116, "ESTALE", "Stale file handle");
        put(117, "EUCLEAN", "Structure needs cleaning");
        put(118, "ENOTNAM", "Not a XENIX named type file");
        put(119, "ENAVAIL", "No XENIX semaphores available");
        put(120, "EISNAM", "Is a named type file");
        put(121, "EREMOTEIO", "Remote I/O error");
        put(122, "EDQUOT", "Quota exceeded");
        put(123, "ENOMEDIUM", "No medium found");
        put(124, "EMEDIUMTYPE", "Wrong medium type");
        put(125, "ECANCELED", "Operation Canceled");
        put(126, "ENOKEY", "Required key not available");
        put(127, "EKEYEXPIRED", "Key has expired");
        put(128, "EKEYREVOKED", "Key has been revoked");
        put(129, "EKEYREJECTED", "Key was rejected by service");
        put(130, "EOWNERDEAD", "Owner died");
        put(131, "ENOTRECOVERABLE", "State not recoverable");
        put(132, "ERFKILL", "Operation not possible due to RF-kill");
        put(133, "EHWPOISON", "Memory page has hardware error");
    }

    private static void put(int n, String name, String text) {
        NAMES[n] = name;
        TEXTS[n] = text;
    }

    /** The symbolic name of {@code errno} ({@code "EPERM"}), or {@code "E<n>"} for an unknown number. */
    public static String name(int errno) {
        long e = Math.abs((long) errno); // Integer.MIN_VALUE has no int absolute value
        return e < NAMES.length && NAMES[(int) e] != null ? NAMES[(int) e] : "E" + e;
    }

    /** What {@code errno} means ({@code "Operation not permitted"}), like strerror(3). */
    public static String describe(int errno) {
        long e = Math.abs((long) errno);
        return e < TEXTS.length && TEXTS[(int) e] != null ? TEXTS[(int) e] : "Unknown error " + e;
    }
}
