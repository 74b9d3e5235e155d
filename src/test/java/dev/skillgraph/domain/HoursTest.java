package dev.skillgraph.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decimal hours read and shown sensibly: a whole number stays whole, a fraction keeps one decimal. */
class HoursTest {

    @Test
    void wholeHoursStayWholeAndFractionsKeepOneDecimal() throws Exception {
        assertThat(Hours.text(11.0)).isEqualTo("11");
        assertThat(Hours.text(0.5)).isEqualTo("0.5");
        assertThat(Hours.text(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Hours.text(2.25)).isEqualTo("2.3");
        assertThat(Hours.text(1000.0)).isEqualTo("1000");

        ObjectMapper json = new ObjectMapper().registerModule(Hours.jacksonModule());
        assertThat(json.writeValueAsString(Map.of("hours", 11.0))).isEqualTo("{\"hours\":11}");
        assertThat(json.writeValueAsString(Map.of("hours", 0.1 + 0.2))).isEqualTo("{\"hours\":0.3}");
    }
}
