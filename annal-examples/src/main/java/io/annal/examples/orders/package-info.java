/**
 * Orders (stream {@code order-{orderId}}) and inventory (stream {@code inventory-{productId}}):
 * {@link io.annal.examples.orders.OrderDecider} and {@link
 * io.annal.examples.orders.InventoryDecider}, the order summary and stock views, and {@link
 * io.annal.examples.orders.OrdersCodecs}, the stored event names. Prices are whole minor units.
 */
package io.annal.examples.orders;
