package io.github.netlink4j.internal.codec;

import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.link.LinkMode;
import io.github.netlink4j.link.OperState;
import io.github.netlink4j.route.RouteType;
import io.github.netlink4j.error.ProtocolException;

import java.util.function.IntFunction;

/**
 * Kernel numbers to the API's enums for the decoders: a number no constant has is malformed data
 * from the decoders' point of view ({@link ProtocolException}), where the enums' own {@code of} throws
 * IllegalArgumentException at callers that passed it.
 */
final class Enums {
    private Enums() {}

    private static <E> E of(IntFunction<E> of, int value, String what) throws ProtocolException {
        try {
            return of.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what + " " + value + " is not one this library knows");
        }
    }

    /** {@code message} names the message in the error, e.g. "RTM_NEWADDR". */
    static AddressFamily family(int v, String message) throws ProtocolException {
        try {
            return AddressFamily.of(v);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(message + " address family " + v + " is not one this library knows");
        }
    }

    static OperState operState(int v) throws ProtocolException {
        return of(OperState::of, v, "IFLA_OPERSTATE");
    }

    static LinkMode linkMode(int v) throws ProtocolException {
        return of(LinkMode::of, v, "IFLA_LINKMODE");
    }

    static RouteType routeType(int v) throws ProtocolException {
        return of(RouteType::of, v, "rtm_type");
    }

    static io.github.netlink4j.route.RoutePreference routePreference(int v) throws ProtocolException {
        return of(io.github.netlink4j.route.RoutePreference::of, v, "RTA_PREF");
    }
}
