package org.childjourney.query.config;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How {@link ReadModelFile} stores and orders the keys of an {@code _id} index, which the server only ever looks up
 * key by key (its order is no query's order). Two keys are the same key exactly when their values are, as the
 * backend's own layout has it, where it Java-serialised both keys at every comparison: strings, every read model's
 * ids, compare as strings; any other value by its BSON (its type, then its bytes), so that no two different values
 * are ever taken for one (MongoDB's sort order would: it compares numbers across types and lists by their least
 * element). Stored as a BSON document of its values ({@link BsonDocuments}).
 */
final class IndexKeys extends BasicDataType<KeyValue> {

    static final IndexKeys TYPE = new IndexKeys();

    /** About what a key of one 36-character id takes on the heap: the key, its list, the string. */
    private static final int MEMORY = 160;

    private IndexKeys() {
    }

    @Override
    public int compare(KeyValue one, KeyValue other) {
        int common = Math.min(one.size(), other.size());
        for (int at = 0; at < common; at++) {
            int order = compareValues(one.get(at), other.get(at));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(one.size(), other.size());
    }

    private static int compareValues(Object one, Object other) {
        if (one instanceof String text && other instanceof String otherText) {
            return text.compareTo(otherText);
        }
        if (one instanceof String || other instanceof String) {
            return one instanceof String ? -1 : 1;
        }
        return Arrays.compareUnsigned(bson(one), bson(other));
    }

    private static byte[] bson(Object value) {
        ByteBuf bson = Unpooled.buffer();
        try {
            byte type = BsonEncoder.determineType(value);
            bson.writeByte(type);
            BsonEncoder.encodeValue(type, value, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
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
