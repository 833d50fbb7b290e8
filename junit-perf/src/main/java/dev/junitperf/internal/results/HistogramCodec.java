package dev.junitperf.internal.results;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/** Encode latency histograms for results files: base64 of HdrHistogram's compressed encoding, in nanoseconds. */
@API(status = INTERNAL, since = "0.1")
public final class HistogramCodec {

    private HistogramCodec() {
    }

    /** Encode a histogram. */
    public static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    /** Decode a histogram written by {@link #encode(Histogram)}; anything else is an {@link IllegalArgumentException}. */
    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("Not a base64 compressed HdrHistogram: " + e, e);
        }
    }
}
