/**
 * Full-text read models in an embedded Lucene index. {@link
 * io.annal.projection.search.LuceneReadModels} is the door: a {@link
 * io.annal.projection.ProjectionStore} whose handlers write documents that are committed together
 * with the checkpoint, which rides in the Lucene commit's user data.
 */
package io.annal.projection.search;
