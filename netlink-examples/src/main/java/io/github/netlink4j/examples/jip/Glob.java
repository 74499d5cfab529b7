package io.github.netlink4j.examples.jip;

/** fnmatch(3) without flags, as ip matches {@code label PATTERN}: {@code *}, {@code ?}, {@code [set]}, {@code \x}. */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = ti; k <= t.length(); k++) if (match(p, pi + 1, t, k)) return true;
                return false;
            }
            if (ti >= t.length()) return false;
            if (c == '?') {
                pi++;
                ti++;
            } else if (c == '[' && p.indexOf(']', pi + 2) > 0) {
                int end = p.indexOf(']', pi + 2);
                String set = p.substring(pi + 1, end);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                if (negate) set = set.substring(1);
                boolean in = false;
                char x = t.charAt(ti);
                for (int i = 0; i < set.length(); i++) {
                    if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                        if (x >= set.charAt(i) && x <= set.charAt(i + 2)) in = true;
                        i += 2;
                    } else if (set.charAt(i) == x) {
                        in = true;
                    }
                }
                if (in == negate) return false;
                pi = end + 1;
                ti++;
            } else {
                if (c == '\\' && pi + 1 < p.length()) c = p.charAt(++pi);
                if (c != t.charAt(ti)) return false;
                pi++;
                ti++;
            }
        }
        return ti == t.length();
    }
}
