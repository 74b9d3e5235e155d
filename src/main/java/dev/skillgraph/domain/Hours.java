package dev.skillgraph.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Hours of learning effort, which frameworks estimate in fractions (a 0.5 h concept): kept as {@code double}, shown to
 * one decimal, and a whole number as a whole number ({@code 11}, not {@code 11.0}), in JSON and in text alike.
 */
public final class Hours {

    private Hours() {}

    /** {@code hours} rounded half-up to one decimal, without a trailing {@code .0}: {@code 11}, {@code 0.5}. */
    public static String text(double hours) {
        return rounded(hours).toPlainString();
    }

    private static BigDecimal rounded(double hours) {
        BigDecimal value =
                BigDecimal.valueOf(hours).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /** A Jackson module writing every {@code Double} as {@link #text} does (answers hold no other doubles). */
    public static Module jacksonModule() {
        StdSerializer<Double> serializer = new StdSerializer<>(Double.class) {
            @Override
            public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeNumber(rounded(value));
            }
        };
        return new SimpleModule("hours")
                .addSerializer(Double.class, serializer)
                .addSerializer(double.class, serializer);
    }
}
