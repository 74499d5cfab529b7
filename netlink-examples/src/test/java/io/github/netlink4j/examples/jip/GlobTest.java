package io.github.netlink4j.examples.jip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ip's {@code label PATTERN}: fnmatch(3) without flags: stars, question marks, sets, ranges, negation and escapes. */
class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "veth0|veth0|true", "veth0|veth1|false", "veth0|veth|false", "veth|veth0|false", "''|''|true", "''|a|false",
            "*|''|true", "*|veth0:a|true", "veth0*|veth0|true", "veth0*|veth0:a|true", "*:a|veth0:a|true", "*:a|veth0:b|false",
            "v*0*|veth0:a|true", "*0|veth1|false", "a*b*c|abxbyc|true", "a*b*c|abxbyd|false",
            "?|a|true", "?|''|false", "??|a|false", "veth?:?|veth0:a|true", "veth?|veth10|false",
            "[ab]x|ax|true", "[ab]x|cx|false", "[a-c]x|bx|true", "[a-c]x|dx|false", "[!a-c]x|dx|true", "[!a-c]x|bx|false",
            "[^a]|b|true", "[^a]|a|false", "[a-]|-|true", "[]|[]|true", "[x|[x|true", "[ab|a|false",
            "[ac-e]|d|true", "[ac-e]|b|false", "[ac-e]|c|true", "[ac-e]|e|true", "[ac-e]|f|false", "[a-c]x|cx|true",
            "\\*|*|true", "\\*|a|false", "\\?|?|true", "\\?|x|false", "[]]|]|true", "[]]|x|false"})
    void matchesAsFnmatch(String pattern, String text, boolean expected) {
        assertEquals(expected, Glob.matches(pattern, text));
    }
}
