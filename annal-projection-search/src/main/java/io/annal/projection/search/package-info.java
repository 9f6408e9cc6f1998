/**
 * Full-text read models. {@link io.annal.projection.search.LuceneReadModels} is the embedded door:
 * a {@link io.annal.projection.ProjectionStore} whose handlers write documents that are committed
 * together with the checkpoint, which rides in the Lucene commit's user data. {@link
 * io.annal.projection.search.OpenSearchReadModels} is the door to an OpenSearch cluster: handlers
 * write whole documents versioned by their event's position, so a batch sent again changes nothing,
 * and the checkpoint moves once the batch is acknowledged.
 */
package io.annal.projection.search;
