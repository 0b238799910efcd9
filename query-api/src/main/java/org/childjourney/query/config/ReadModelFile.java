package org.childjourney.query.config;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded read-model server's H2 file, laid out for speed: mongo-java-server's H2 backend stores each document
 * with Java serialisation and compares the keys of its {@code _id} index by Java-serialising both of them on every
 * comparison, which profiles of the ingest showed as most of the server's processor time (docs/benchmarks.md). Here
 * the same maps hold each document as BSON ({@link BsonDocuments}) and the {@code _id} index's keys compare as strings,
 * as every read model's ids are, not Java-serialised ({@link IndexKeys}). A file in the earlier layout is emptied when opened: the read models
 * are rebuilt from the event store, since the read store then lacks their marker ({@code ReadModelsBehindTokens}).
 */
final class ReadModelFile {

    /** The backend's names for a collection's maps (mongo-java-server's {@code H2Database}). */
    private static final String DOCUMENTS = "databases.";
    private static final String META = "meta.";
    private static final String LAYOUT_MAP = "childjourney.layout";
    private static final String LAYOUT = "documents as BSON, _id keys compared as strings or by their BSON";

    private static final Logger log = LoggerFactory.getLogger(ReadModelFile.class);

    private final MVStore file;

    ReadModelFile(MVStore file) {
        this.file = file;
        MVMap<String, String> layout = file.openMap(LAYOUT_MAP);
        if (!LAYOUT.equals(layout.get("layout"))) {
            List<String> earlier = file.getMapNames().stream().filter(name -> !name.equals(LAYOUT_MAP)).toList();
            if (!earlier.isEmpty()) {
                log.warn("the read-model file is in an earlier layout: emptied, so that the read models are rebuilt");
                earlier.forEach(name -> file.removeMap(name));
            }
            layout.put("layout", LAYOUT);
            file.commit();
        }
    }

    /** The server's backend on this file. */
    MongoBackend backend() {
        return new Backend();
    }

    /* Inner classes: the outer file is set before their superclasses' constructors open databases and collections. */

    private final class Backend extends H2Backend {

        Backend() {
            super(file);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new Database(databaseName, getCursorRegistry());
        }
    }

    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursors) {
            super(databaseName, file, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = file.openMap(DOCUMENTS + name,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocuments.TYPE));
            MVMap<String, Object> meta = file.openMap(META + name);
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /** The {@code _id} index with keys of {@link IndexKeys}; any other unique index as the backend makes it. */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            if (keys.size() != 1 || !keys.get(0).getKey().equals("_id")) {
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
            MVMap<KeyValue, Object> index = file.openMap(getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeys.TYPE));
            return new UniqueIndex(indexName, index, keys, sparse);
        }
    }

    /** mongo-java-server's {@code H2UniqueIndex}, whose constructor is not public, over a map of its own. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(String name, MVMap<KeyValue, Object> map, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
