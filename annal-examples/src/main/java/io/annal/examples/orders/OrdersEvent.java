package io.annal.examples.orders;

/** Every event of the orders domain: what orders and inventory record. */
public sealed interface OrdersEvent permits OrderEvent, InventoryEvent {}
