package io.annal.examples.orders;

/** Where an order is in its life: {@code created → confirmed → ready-to-ship | rejected → shipped}. */
public enum OrderStatus {
    CREATED("created"),
    CONFIRMED("confirmed"),
    READY_TO_SHIP("ready-to-ship"),
    REJECTED("rejected"),
    SHIPPED("shipped");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    /** The lower-case name the HTTP API uses. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
