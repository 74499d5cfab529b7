package io.github.netlink4j.json;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** iproute2's own output (golden/README.md says how it was captured), read and written back byte for byte. */
class JsonGoldenTest {
    @ParameterizedTest
    @CsvSource({"ip-j-p-addr-lo.json, true", "ip-j-addr-lo.json, false", "tc-j-p-s-qdisc-lo.json, true"})
    void iproute2sOutputReadAndWrittenIsIproute2sOutput(String file, boolean pretty) throws IOException, JsonException {
        String captured;
        try (InputStream in = JsonGoldenTest.class.getResourceAsStream("/golden/" + file)) {
            captured = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(captured, Json.write(Json.read(captured), pretty) + "\n");
    }
}
