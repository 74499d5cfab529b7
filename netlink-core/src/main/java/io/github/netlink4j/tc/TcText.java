package io.github.netlink4j.tc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.Ng")}, which tc prints sizes and times with; Java's {@code %g} keeps trailing zeros and so reads otherwise. */
final class TcText {
    private TcText() {}

    /** {@code v} (finite, not negative) as {@code %.Pg} prints it: P significant digits, trailing zeros dropped, e+XX past them. */
    static String g(double v, int precision) {
        if (v == 0) return "0";
        // glibc rounds the double's exact value to nearest, ties to even: BigDecimal(double) is that exact value.
        BigDecimal r = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = r.precision() - r.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = r.movePointLeft(exponent);
            String m = strip(mantissa.setScale(precision - 1, RoundingMode.UNNECESSARY).toPlainString());
            return m + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return strip(r.setScale(Math.max(0, precision - 1 - exponent), RoundingMode.UNNECESSARY).toPlainString());
    }

    private static String strip(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /**
     * The number C's {@code strtod} reads at the start of {@code text} (decimal digits, a fraction, an
     * exponent), and where it ends; null when there is none. Hexadecimal, infinities and signs, which
     * strtod also takes, are no rate, size or time.
     */
    static Number number(String text) {
        int i = 0, n = text.length();
        int digits = 0;
        while (i < n && Character.isDigit(text.charAt(i))) { i++; digits++; }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(text.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return null;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) j++;
            int e = j;
            while (j < n && Character.isDigit(text.charAt(j))) j++;
            if (j > e) i = j;
        }
        return new Number(Double.parseDouble(text.substring(0, i)), text.substring(i));
    }

    /** {@code v}, checked to be a u32 as the kernel's field holds it; {@code what} names it in the error. */
    static long u32(String what, long v) {
        if (v < 0 || v > 0xffff_ffffL) throw new IllegalArgumentException(what + " " + v + " is out of range (0 to 4294967295)");
        return v;
    }

    /** {@code kind}, checked to be one TCA_KIND can carry: 1 to 15 printable characters (tc's FILTER_NAMESZ less the NUL). */
    static String kind(String kind) {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.length() > 15 || !kind.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("\"" + kind + "\" is not a qdisc or class kind (1 to 15 printable characters)");
        }
        return kind;
    }

    /** A number and the text after it (the unit). */
    record Number(double value, String unit) {}
}
