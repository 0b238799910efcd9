package org.childjourney.query.config;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How {@link ReadModelFile} stores and orders the keys of an {@code _id} index: each key's values compared one after
 * the other as MongoDB compares values, where the backend's default serialises both keys to compare them; stored as
 * a BSON document of its values ({@link BsonDocuments}).
 */
final class IndexKeys extends BasicDataType<KeyValue> {

    static final IndexKeys TYPE = new IndexKeys();

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final int MEMORY = 64;

    private IndexKeys() {
    }

    @Override
    public int compare(KeyValue one, KeyValue other) {
        int common = Math.min(one.size(), other.size());
        for (int at = 0; at < common; at++) {
            int order = VALUES.compare(one.get(at), other.get(at));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(one.size(), other.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return MEMORY;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document values = new Document();
        int at = 0;
        for (Object value : key) {
            values.put(String.valueOf(at++), value);
        }
        BsonDocuments.writeBson(buffer, values);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return new KeyValue(BsonDocuments.readBson(buffer).values());
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
