package io.github.netlink4j.specgen;

import java.util.Locale;

/** How spec names become C constant names and Java class names. */
final class Names {
    private Names() {}

    /** {@code ethtool-a-header-} and {@code dev-index} → {@code ETHTOOL_A_HEADER_DEV_INDEX}: as the kernel's uapi headers spell them. */
    static String c(String prefix, String name) {
        return (prefix + name).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** {@code tcp_metrics} → {@code TcpMetrics}, {@code rt-addr} → {@code RtAddr}. */
    static String javaClass(String family) {
        StringBuilder sb = new StringBuilder();
        for (String part : family.split("[-_]")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) throw new SpecException("family name \"" + family + "\" makes no class name");
        return sb.toString();
    }

    /** A Java string literal of {@code s} (spec names are plain ASCII, but a quote or backslash must not break the source). */
    static String literal(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
            else if (ch < 0x20 || ch > 0x7e) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.append('"').toString();
    }
}
