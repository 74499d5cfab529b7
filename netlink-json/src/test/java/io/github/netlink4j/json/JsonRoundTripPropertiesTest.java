package io.github.netlink4j.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever the writer writes, compact or pretty, the reader reads back as the same value. */
class JsonRoundTripPropertiesTest {
    @Property
    void writeThenReadIsTheValue(@ForAll("values") Object value) throws JsonException {
        assertEquals(value, Json.read(Json.write(value)));
        assertEquals(value, Json.read(Json.write(value, true)));
    }

    @Property
    void anyStringRoundTrips(@ForAll("strings") String s) throws JsonException {
        assertEquals(s, Json.read(Json.write(s)));
    }

    /** Any chars at all: controls, U+2028, lone and reversed surrogates. */
    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<Object> values() {
        return value(4);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) return scalar;
        Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<Object> list = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> map = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), inner).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, list), Tuple.of(1, map));
    }
}
