package io.annal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteNamesTest {

    @ParameterizedTest
    @CsvSource({
        "/streams/acct-1, /streams/{stream}",
        "/streams, /streams/{stream}",
        "/streams/acct-1/metadata, /streams/{stream}/metadata",
        "/streams/acct-1/17, /streams/{stream}/{version}",
        "/all, /all",
        "/subscribe/all, /subscribe/all",
        "/subscribe/streams/acct-1, /subscribe/streams/{stream}",
        "/commands/deposit, /commands/deposit",
        "/commands, /commands",
        "/commands/, /commands/{other}",
        "/commands/Deposit, /commands/{other}",
        "/queries/balance/acct-1, /queries/balance/{key}",
        "/queries/balance/, /queries/balance/{key}",
        "/queries/orders, /queries/orders",
        "/queries, /queries/",
        "/admin/projections, /admin/projections",
        "/health/ready, /health/ready",
        "/metrics, /metrics",
        "/nothing/here, other",
        "//, other",
        "'', other",
    })
    void a_path_is_named_by_its_route_template(String path, String route) {
        assertThat(RouteNames.of(path)).isEqualTo(route);
    }

    @ParameterizedTest
    @CsvSource({"/commands/" + "abcdefghijklmnopqrstuvwxyzabcdefg", "/queries/x1/k", "/admin/a_b"})
    void made_up_names_get_one_placeholder(String path) {
        assertThat(RouteNames.of(path)).contains("{other}");
    }
}
