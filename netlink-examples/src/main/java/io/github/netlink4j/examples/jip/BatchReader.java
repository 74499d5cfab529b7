package io.github.netlink4j.examples.jip;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an {@code ip -batch} file, read as iproute2 6.1's getcmdline reads them: one logical
 * line at a time, as soon as it has arrived (a batch from a pipe runs while it is being written),
 * holding only that line. A '#' ends the line's text there, newline included, so a backslash before
 * a comment does not join lines; a backslash right before the newline joins the next line, whose
 * comment is cut too; a backslash on the last line without a newline after it stays a word.
 */
public final class BatchReader {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    private boolean newline; // whether the physical line read last ended with '\n'
    private int lineNumber;
    private boolean missingContinuation;
    private boolean continued; // whether the line just cut of its comment asks for the next one

    /** Reads the lines of {@code in}. */
    public BatchReader(Reader in) {
        this.in = in;
    }

    /**
     * The next logical line, or null at the end of the input; also null when the input ends where a
     * continuation line was due ({@link #missingContinuation()}).
     */
    public String next() throws IOException {
        String first = physical();
        if (first == null) return null;
        String line = uncommented(first);
        if (!continued) return line;
        StringBuilder joined = new StringBuilder(line);
        while (continued) {
            String more = physical();
            if (more == null) {
                missingContinuation = true;
                return null;
            }
            joined.setLength(joined.length() - 1);
            joined.append(uncommented(more));
        }
        return joined.toString();
    }

    /** The number of the physical line read last, as "Command failed FILE:LINE" counts. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Whether the input ended right after a line that asked to be continued. */
    public boolean missingContinuation() {
        return missingContinuation;
    }

    /** {@code text} up to any '#'; sets {@link #continued} when it asks for the next line (a backslash before the newline). */
    private String uncommented(String text) {
        int hash = text.indexOf('#');
        if (hash >= 0) {
            continued = false;
            return text.substring(0, hash);
        }
        continued = newline && text.endsWith("\\");
        return text;
    }

    /** The next physical line without its '\n', or null at the end; reads no further than that line's end. */
    private String physical() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == end) {
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    if (line == null) return null;
                    lineNumber++;
                    newline = false;
                    return line.toString();
                }
                pos = 0;
                end = n;
            }
            int start = pos;
            while (pos < end && buffer[pos] != '\n') pos++;
            if (pos < end) {
                String text = line == null ? new String(buffer, start, pos - start) : line.append(buffer, start, pos - start).toString();
                pos++;
                lineNumber++;
                newline = true;
                return text;
            }
            if (line == null) line = new StringBuilder();
            line.append(buffer, start, pos - start);
        }
    }

    /** ip 6.1's MAX_ARGS: makeargs refuses a line of more words. */
    private static final int MAX_ARGS = 512;

    /**
     * iproute2's makeargs: words split on blanks, a word that starts with a quote runs to the same
     * quote. Like ip, a quote left open or more than {@code MAX_ARGS - 1} words end the whole batch
     * with status 1, whatever -force says.
     */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && " \t\r\n".indexOf(line.charAt(i)) >= 0) i++;
            if (i >= n) break;
            if (out.size() >= MAX_ARGS - 1) throw new UsageException("Too many arguments to command", 1);
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) throw new UsageException("Unterminated quoted string", 1);
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && " \t\r\n".indexOf(line.charAt(i)) < 0) i++;
                out.add(line.substring(start, i));
            }
        }
        return out;
    }
}
