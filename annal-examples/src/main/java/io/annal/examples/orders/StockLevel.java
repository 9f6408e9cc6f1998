package io.annal.examples.orders;

/** The stock read model, {@code GET /queries/stock/{productId}}. */
public record StockLevel(String productId, long available, long reserved) {

    public static StockLevel none() {
        return new StockLevel("", 0, 0);
    }
}
