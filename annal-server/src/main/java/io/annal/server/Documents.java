package io.annal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.annal.examples.bank.Balance;
import io.annal.examples.bank.Statement;
import io.annal.examples.bank.TransferSummary;
import io.annal.examples.orders.OrderSummary;
import io.annal.examples.orders.StockLevel;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON documents of the contract's queries. */
final class Documents {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Documents() {}

    static JsonNode balance(Balance b) {
        return JSON.createObjectNode()
                .put("accountId", b.accountId())
                .put("owner", b.owner())
                .put("balance", b.balance())
                .put("status", b.status())
                .put("version", b.version());
    }

    static JsonNode statement(Statement s) {
        ObjectNode out = JSON.createObjectNode().put("accountId", s.accountId());
        ArrayNode entries = out.putArray("entries");
        for (Statement.Entry e : s.entries()) {
            entries.addObject()
                    .put("version", e.version())
                    .put("type", e.type())
                    .put("amount", e.amount())
                    .put("balanceAfter", e.balanceAfter())
                    .put("at", RFC_3339_MILLIS.format(e.at()));
        }
        return out;
    }

    static JsonNode transfer(TransferSummary t) {
        ObjectNode out = JSON.createObjectNode()
                .put("transferId", t.transferId())
                .put("status", t.status())
                .put("from", t.from())
                .put("to", t.to())
                .put("amount", t.amount());
        t.reason().ifPresent(reason -> out.put("reason", reason));
        return out;
    }

    static JsonNode order(OrderSummary s) {
        ObjectNode out = JSON.createObjectNode()
                .put("orderId", s.orderId())
                .put("customerId", s.customerId())
                .put("status", s.status())
                .put("itemCount", s.itemCount())
                .put("total", s.total());
        s.carrier().ifPresent(c -> out.put("carrier", c));
        s.trackingNumber().ifPresent(t -> out.put("trackingNumber", t));
        return out;
    }

    static JsonNode stock(StockLevel s) {
        return JSON.createObjectNode()
                .put("productId", s.productId())
                .put("available", s.available())
                .put("reserved", s.reserved());
    }
}
