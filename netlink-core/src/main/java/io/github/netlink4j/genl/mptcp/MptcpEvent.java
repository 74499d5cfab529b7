package io.github.netlink4j.genl.mptcp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A notification of the MPTCP path manager's {@code mptcp_pm_events} group (what {@code ip mptcp monitor}
 * prints): a connection or subflow created, established or closed, an address announced or removed, a
 * listener created or closed. The genlmsghdr command is the event type (MPTCP_EVENT_*); each attribute is
 * empty when the event does not carry it.
 *
 * @param rawType         the event type as sent (genlmsghdr.cmd)
 * @param type            {@code rawType} as {@link Type} names it, empty for a type of a newer kernel
 * @param token           MPTCP_ATTR_TOKEN, the connection's token (unsigned 32-bit)
 * @param localId         MPTCP_ATTR_LOC_ID
 * @param remoteId        MPTCP_ATTR_REM_ID
 * @param source          MPTCP_ATTR_SADDR4 or MPTCP_ATTR_SADDR6
 * @param destination     MPTCP_ATTR_DADDR4 or MPTCP_ATTR_DADDR6
 * @param sourcePort      MPTCP_ATTR_SPORT (network order on the wire)
 * @param destinationPort MPTCP_ATTR_DPORT
 * @param backup          MPTCP_ATTR_BACKUP
 * @param error           MPTCP_ATTR_ERROR
 * @param flags           MPTCP_ATTR_FLAGS (MPTCP_PM_EV_FLAG_*)
 * @param timeout         MPTCP_ATTR_TIMEOUT (unsigned 32-bit)
 * @param ifindex         MPTCP_ATTR_IF_IDX, the device of a subflow
 * @param resetReason     MPTCP_ATTR_RESET_REASON (unsigned 32-bit)
 * @param resetFlags      MPTCP_ATTR_RESET_FLAGS (unsigned 32-bit)
 */
public record MptcpEvent(int rawType, Optional<Type> type, OptionalLong token, OptionalInt localId, OptionalInt remoteId,
                         Optional<InetAddress> source, Optional<InetAddress> destination, OptionalInt sourcePort,
                         OptionalInt destinationPort, OptionalInt backup, OptionalInt error, OptionalInt flags, OptionalLong timeout,
                         OptionalInt ifindex, OptionalLong resetReason, OptionalLong resetFlags) {
    /** Checks that nothing is null. */
    public MptcpEvent {
        for (Object o : new Object[]{type, token, localId, remoteId, source, destination, sourcePort, destinationPort, backup, error,
                flags, timeout, ifindex, resetReason, resetFlags}) Objects.requireNonNull(o);
    }

    /** The event types of linux/mptcp_pm.h (enum mptcp_event_type). */
    public enum Type {
        /** MPTCP_EVENT_CREATED: a connection was made (before the handshake completes). */
        CREATED(1),
        /** MPTCP_EVENT_ESTABLISHED. */
        ESTABLISHED(2),
        /** MPTCP_EVENT_CLOSED. */
        CLOSED(3),
        /** MPTCP_EVENT_ANNOUNCED: the peer announced an address. */
        ANNOUNCED(6),
        /** MPTCP_EVENT_REMOVED: the peer withdrew an address. */
        REMOVED(7),
        /** MPTCP_EVENT_SUB_ESTABLISHED: a subflow was added. */
        SUB_ESTABLISHED(10),
        /** MPTCP_EVENT_SUB_CLOSED. */
        SUB_CLOSED(11),
        /** MPTCP_EVENT_SUB_PRIORITY: a subflow's backup flag changed. */
        SUB_PRIORITY(13),
        /** MPTCP_EVENT_LISTENER_CREATED. */
        LISTENER_CREATED(15),
        /** MPTCP_EVENT_LISTENER_CLOSED. */
        LISTENER_CLOSED(16);

        private final int value;

        Type(int value) {
            this.value = value;
        }

        /** The kernel's number. */
        public int value() {
            return value;
        }

        /** The type numbered {@code value}, if this library knows it. */
        public static Optional<Type> of(int value) {
            for (Type t : values()) if (t.value == value) return Optional.of(t);
            return Optional.empty();
        }
    }
}
