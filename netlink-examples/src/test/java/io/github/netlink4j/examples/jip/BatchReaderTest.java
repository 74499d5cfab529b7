package io.github.netlink4j.examples.jip;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lines of an {@code ip -batch} file as iproute2 6.1's getcmdline cuts them, without running them. */
class BatchReaderTest {
    /** Every logical line, each with the number of the physical line read last. */
    private static List<String> lines(BatchReader r) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l = r.next(); l != null; l = r.next()) out.add(r.lineNumber() + ":" + l);
        return out;
    }

    private static List<String> lines(String text) throws IOException {
        return lines(new BatchReader(new StringReader(text)));
    }

    @Test
    void oneLogicalLineAPhysicalLine() throws IOException {
        assertEquals(List.of("1:link show", "2:", "3:addr show"), lines("link show\n\naddr show\n"));
        assertEquals(List.of("1:a", "2:b"), lines("a\nb"), "the last line needs no newline");
        assertEquals(List.of(), lines(""));
        assertEquals(List.of("1:"), lines("\n"));
    }

    @Test
    void aHashEndsTheLineAndItsContinuation() throws IOException {
        assertEquals(List.of("1:link show ", "2:addr"), lines("link show # all of them\naddr\n"));
        assertEquals(List.of("1:a \\", "2:b"), lines("a \\# not a continuation\nb\n"), "the comment ends the line first");
        assertEquals(List.of("1:", "2:x"), lines("# only a comment\nx\n"));
    }

    @Test
    void aBackslashBeforeTheNewlineJoinsTheNextLine() throws IOException {
        assertEquals(List.of("2:link add a type dummy"), lines("link add a \\\ntype dummy\n"));
        assertEquals(List.of("3:a b c", "4:d"), lines("a \\\nb \\\nc\nd\n"));
        assertEquals(List.of("2:a b "), lines("a \\\nb # and a comment \\\n"), "the joined line's comment is cut, and ends the joining");
        assertEquals(List.of("1:x\\"), lines("x\\"), "a backslash at the very end without a newline stays");
    }

    @Test
    void aContinuationThatNeverComesEndsTheInput() throws IOException {
        BatchReader r = new BatchReader(new StringReader("a\nb \\\n"));
        assertEquals("a", r.next());
        assertFalse(r.missingContinuation());
        assertNull(r.next());
        assertTrue(r.missingContinuation());
        assertEquals(2, r.lineNumber());
    }

    @Test
    void linesLongerThanTheBufferAndInputThatArrivesInPieces() throws IOException {
        String longLine = "x".repeat(20_000);
        assertEquals(List.of("1:" + longLine, "2:y"), lines(longLine + "\ny\n"));
        assertEquals(List.of("1:" + longLine), lines(longLine));
        // A reader that hands out two characters at a time: lines are the same whatever the reads.
        String text = "link add a \\\ntype dummy # c\naddr\n" + "z".repeat(9000) + "\n";
        Reader trickle = new StringReader(text) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(2, len));
            }
        };
        assertEquals(lines(text), lines(new BatchReader(trickle)));
        assertEquals(List.of("2:link add a type dummy ", "3:addr", "4:" + "z".repeat(9000)), lines(text));
    }

    @Test
    void readsNoFurtherThanTheLineItReturns() throws IOException {
        int[] asked = new int[1];
        Reader counting = new StringReader("a\nb\n") {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                asked[0]++;
                return super.read(cbuf, off, Math.min(2, len));
            }
        };
        BatchReader r = new BatchReader(counting);
        assertEquals("a", r.next());
        assertEquals(1, asked[0], "\"a\\n\" came in one read: nothing more is read before it runs");
    }

    /** iproute2's makeargs, word by word: blanks, quotes that run to the same quote, and its two refusals. */
    @Test
    void wordsSplitAsMakeargsDoes() {
        assertEquals(List.of(), BatchReader.words(""));
        assertEquals(List.of(), BatchReader.words(" \t\r\n"));
        assertEquals(List.of("a"), BatchReader.words("a"));
        assertEquals(List.of("a", "b"), BatchReader.words("  a\tb \r\n"));
        assertEquals(List.of("a b", "c"), BatchReader.words("'a b' c"));
        assertEquals(List.of("x y", "z"), BatchReader.words("\"x y\"z"), "a quote ends its word");
        assertEquals(List.of(""), BatchReader.words("''"));
        assertEquals(List.of("a'b", "c\""), BatchReader.words("a'b c\""), "a quote inside a word is a character");
        assertEquals(List.of("it's"), BatchReader.words("\"it's\""));
        assertEquals(List.of("a", "b"), BatchReader.words("'a' b "));
        UsageException open = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> BatchReader.words("link 'abc"));
        assertEquals("Unterminated quoted string", open.getMessage());
        assertEquals(1, open.status());
        String many = "w ".repeat(511);
        assertEquals(511, BatchReader.words(many).size(), "MAX_ARGS - 1 words pass");
        UsageException tooMany = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class, () -> BatchReader.words(many + "w"));
        assertEquals("Too many arguments to command", tooMany.getMessage());
        assertEquals(1, tooMany.status());
    }
}
