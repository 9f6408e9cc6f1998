/** The PostgreSQL store's machinery; not an API: it may change in any release. */
package io.annal.store.postgres.internal;
