package io.github.netlink4j.examples.jip;

import io.github.netlink4j.Address;
import io.github.netlink4j.AddressFlag;

import java.util.List;
import java.util.Map;

/** How iproute2 6.1 prints an address (ipaddress.c print_addrinfo). */
final class AddrView {
    private static final long FOREVER = 4294967295L;

    private AddrView() {}

    static String family(Address a) {
        return a.family() == 2 ? "inet" : "inet6";
    }

    static String scope(Address a) {
        return switch (a.scope()) {
            case UNIVERSE -> "global";
            case SITE -> "site";
            case LINK -> "link";
            case HOST -> "host";
            case NOWHERE -> "nowhere";
        };
    }

    /** The address flags as ip names them, in its order ("dynamic" when not permanent). */
    static List<String> flags(Address a) {
        List<String> out = new java.util.ArrayList<>();
        int f = a.rawFlags();
        boolean v6 = a.family() == 10;
        if ((f & AddressFlag.SECONDARY.bit()) != 0) out.add(v6 ? "temporary" : "secondary");
        Object[][] table = {{AddressFlag.NODAD, "nodad"}, {AddressFlag.OPTIMISTIC, "optimistic"},
                {AddressFlag.DADFAILED, "dadfailed"}, {AddressFlag.HOMEADDRESS, "home"},
                {AddressFlag.DEPRECATED, "deprecated"}, {AddressFlag.TENTATIVE, "tentative"},
                {AddressFlag.PERMANENT, null}, {AddressFlag.MANAGETEMPADDR, "mngtmpaddr"},
                {AddressFlag.NOPREFIXROUTE, "noprefixroute"}, {AddressFlag.MCAUTOJOIN, "autojoin"},
                {AddressFlag.STABLE_PRIVACY, "stable-privacy"}};
        for (Object[] row : table) {
            AddressFlag flag = (AddressFlag) row[0];
            if (row[1] == null) {
                if ((f & flag.bit()) == 0) out.add("dynamic");
            } else if ((f & flag.bit()) != 0) {
                out.add((String) row[1]);
            }
        }
        return out;
    }

    static String addressPart(Address a) {
        String local = Address.format(a.address());
        if (a.peer().isPresent()) return local + " peer " + Address.format(a.peer().get()) + "/" + a.prefixLength();
        return local + "/" + a.prefixLength();
    }

    static String lifetime(java.util.OptionalLong l) {
        return l.isEmpty() ? "forever" : l.getAsLong() + "sec";
    }

    static String text(Address a) {
        StringBuilder sb = new StringBuilder("    ").append(family(a)).append(' ').append(addressPart(a));
        a.broadcast().ifPresent(b -> sb.append(" brd ").append(Address.format(b)));
        sb.append(" scope ").append(scope(a)).append(' ');
        for (String f : flags(a)) sb.append(f).append(' ');
        if (a.family() == 2) a.label().ifPresent(sb::append);
        sb.append("\n       valid_lft ").append(lifetime(a.validLifetime()))
                .append(" preferred_lft ").append(lifetime(a.preferredLifetime())).append('\n');
        return sb.toString();
    }

    static Map<String, Object> json(Address a) {
        Map<String, Object> o = JsonOut.object();
        o.put("family", family(a));
        o.put("local", Address.format(a.address()));
        a.peer().ifPresent(p -> o.put("address", Address.format(p)));
        o.put("prefixlen", a.prefixLength());
        a.broadcast().ifPresent(b -> o.put("broadcast", Address.format(b)));
        o.put("scope", scope(a));
        for (String f : flags(a)) o.put(f, true);
        if (a.family() == 2) a.label().ifPresent(l -> o.put("label", l));
        o.put("valid_life_time", a.validLifetime().orElse(FOREVER));
        o.put("preferred_life_time", a.preferredLifetime().orElse(FOREVER));
        return o;
    }
}
