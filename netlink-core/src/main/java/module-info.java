module io.github.netlink4j {
    exports io.github.netlink4j;
}
