package io.github.netlink4j.examples.jip;

import io.github.netlink4j.address.Address;
import io.github.netlink4j.common.AddressFamily;
import io.github.netlink4j.address.AddressFlag;
import io.github.netlink4j.json.Json;

import java.util.List;
import java.util.Map;

/** How iproute2 6.1 prints an address (ipaddress.c print_addrinfo). */
final class AddrView {

    private final Address a;
    private final Style style;

    AddrView(Address a, Style style) {
        this.a = a;
        this.style = style;
    }

    /** The address flags as ip names them, in its order ("dynamic" when not permanent). */
    List<String> flags() {
        List<String> out = new java.util.ArrayList<>();
        boolean v6 = a.family() == AddressFamily.INET6;
        if (a.flags().contains(AddressFlag.SECONDARY)) out.add(v6 ? "temporary" : "secondary");
        Object[][] table = {{AddressFlag.NODAD, "nodad"}, {AddressFlag.OPTIMISTIC, "optimistic"},
                {AddressFlag.DADFAILED, "dadfailed"}, {AddressFlag.HOMEADDRESS, "home"},
                {AddressFlag.DEPRECATED, "deprecated"}, {AddressFlag.TENTATIVE, "tentative"},
                {AddressFlag.PERMANENT, null}, {AddressFlag.MANAGETEMPADDR, "mngtmpaddr"},
                {AddressFlag.NOPREFIXROUTE, "noprefixroute"}, {AddressFlag.MCAUTOJOIN, "autojoin"},
                {AddressFlag.STABLE_PRIVACY, "stable-privacy"}};
        for (Object[] row : table) {
            AddressFlag flag = (AddressFlag) row[0];
            if (row[1] == null) {
                if (!a.flags().contains(flag)) out.add("dynamic");
            } else if (a.flags().contains(flag)) {
                out.add((String) row[1]);
            }
        }
        return out;
    }

    /** The address, its peer if any, and the prefix length: each address coloured by its family, as ip colours it. */
    String addressPart() {
        String local = style.address(a.family(), Address.format(a.address()));
        if (a.peer().isPresent()) return local + " peer " + style.address(a.family(), Address.format(a.peer().get())) + "/" + a.prefixLength();
        return local + "/" + a.prefixLength();
    }

    static String lifetime(java.time.Duration l) {
        return l.equals(Address.FOREVER) ? "forever" : l.toSeconds() + "sec";
    }

    /**
     * The address with its link before it, {@code INDEX: NAME}, uncoloured: what ip -o addr and ip monitor
     * print for an address, which no link header precedes (print_addrinfo under filter.oneline).
     */
    String headed(int index, String dev) {
        return index + ": " + dev + text();
    }

    String text() {
        StringBuilder sb = new StringBuilder("    ").append(a.family().text()).append(' ').append(addressPart());
        sb.append(' ');
        a.broadcast().ifPresent(b -> sb.append("brd ").append(style.address(a.family(), Address.format(b) + " ")));
        sb.append("scope ").append(style.scope(a.scope())).append(' ');
        for (String f : flags()) sb.append(f).append(' ');
        if (a.family() == AddressFamily.INET) a.label().ifPresent(sb::append);
        sb.append("\n       valid_lft ").append(lifetime(a.validLifetime()))
                .append(" preferred_lft ").append(lifetime(a.preferredLifetime())).append('\n');
        return sb.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> o = Json.object();
        o.put("family", a.family().text());
        o.put("local", Address.format(a.address()));
        a.peer().ifPresent(p -> o.put("address", Address.format(p)));
        o.put("prefixlen", a.prefixLength());
        a.broadcast().ifPresent(b -> o.put("broadcast", Address.format(b)));
        o.put("scope", style.scope(a.scope()));
        for (String f : flags()) o.put(f, true);
        if (a.family() == AddressFamily.INET) a.label().ifPresent(l -> o.put("label", l));
        o.put("valid_life_time", a.validLifetime().toSeconds());
        o.put("preferred_life_time", a.preferredLifetime().toSeconds());
        return o;
    }
}
