package io.annal.projection.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Opens the Lucene {@link Directory} of one build's index. */
@FunctionalInterface
public interface IndexDirectories {

    Directory open(Path path) throws IOException;

    /** The platform's best file-system directory, durable at every commit. */
    static IndexDirectories fileSystem() {
        return FSDirectory::open;
    }
}
