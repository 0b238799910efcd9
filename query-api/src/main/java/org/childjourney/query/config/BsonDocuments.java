package org.childjourney.query.config;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How {@link ReadModelFile} stores a document: as the BSON the server receives and answers with, by mongo-java-server's
 * own encoder and decoder, so that a document reads back as it was written. Also the form of the {@code _id} index's
 * keys ({@link IndexKeys}), a document of their values.
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final BsonDocuments TYPE = new BsonDocuments();

    /** BSON's own smallest document: its length and its terminating zero. */
    private static final int SMALLEST = 5;
    /**
     * H2 bounds its page cache and its write buffer by the memory it estimates its pages take. A decoded document
     * takes more than its BSON on the heap: it is counted as twice a running average of the documents' BSON.
     */
    private static final int HEAP_PER_BSON_BYTE = 2;

    private volatile int averageSize = 1024;

    private BsonDocuments() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        averageSize = (averageSize * 15 + writeBson(buffer, document)) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        Document document = readBson(buffer);
        averageSize = (averageSize * 15 + buffer.position() - start) / 16;
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Writes a document of field names to values as its BSON (which begins with its length); returns the length. */
    static int writeBson(WriteBuffer buffer, Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            return length;
        } finally {
            bson.release();
        }
    }

    /** Reads what {@link #writeBson} wrote. */
    static Document readBson(ByteBuffer buffer) {
        int length = buffer.remaining() < SMALLEST ? 0 : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < SMALLEST || length > buffer.remaining()) {
            throw new IllegalStateException("the read-model file holds a document it cannot read: it is damaged");
        }
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
