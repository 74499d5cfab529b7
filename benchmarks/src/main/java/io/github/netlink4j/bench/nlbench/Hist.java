package io.github.netlink4j.bench.nlbench;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;

/** Latency histograms in result files: HdrHistogram's compressed form in base64, and the percentiles a cell reports. */
final class Hist {
    private Hist() {}

    static String encode(Histogram h) {
        ByteBuffer b = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(b);
        byte[] out = new byte[n];
        b.flip();
        b.get(out);
        return Base64.getEncoder().encodeToString(out);
    }

    static Histogram decode(String s) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(s)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not an HdrHistogram: " + e.getMessage(), e);
        }
    }

    /** p50, p90, p99, p99.9 and max in ns, and how many operations were timed. */
    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", h.getValueAtPercentile(50));
        m.put("p90", h.getValueAtPercentile(90));
        m.put("p99", h.getValueAtPercentile(99));
        m.put("p99_9", h.getValueAtPercentile(99.9));
        m.put("max", h.getMaxValue());
        return m;
    }
}
