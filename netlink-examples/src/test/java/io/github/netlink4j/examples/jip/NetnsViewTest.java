package io.github.netlink4j.examples.jip;

import io.github.netlink4j.json.Json;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ipnetns.c's lines: ip netns list's, and print_nsid's, which ip netns list-id and ip monitor nsid share. */
class NetnsViewTest {
    @Test
    void aNamedNamespaceWithAndWithoutAnId() {
        assertEquals("blue (id: 7)\n", new NetnsView("blue", OptionalInt.of(7)).text());
        assertEquals("red\n", new NetnsView("red", OptionalInt.empty()).text());
        assertEquals("{\"name\":\"blue\",\"id\":7}", Json.write(new NetnsView("blue", OptionalInt.of(7)).json(), false));
        assertEquals("{\"name\":\"red\"}", Json.write(new NetnsView("red", OptionalInt.empty()).json(), false));
    }

    /** print_nsid leaves its trailing space when no name is known for the id. */
    @Test
    void anIdWithAndWithoutAName() {
        assertEquals("nsid 7 (iproute2 netns name: blue)\n", new NetnsView("blue", OptionalInt.of(7)).nsidText());
        assertEquals("nsid 3 \n", new NetnsView(null, OptionalInt.of(3)).nsidText());
        assertEquals("{\"nsid\":7,\"name\":\"blue\"}", Json.write(new NetnsView("blue", OptionalInt.of(7)).nsidJson(), false));
        assertEquals("{\"nsid\":3}", Json.write(new NetnsView(null, OptionalInt.of(3)).nsidJson(), false));
    }
}
