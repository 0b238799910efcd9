package org.childjourney.query.config;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How {@link ReadModelFile} stores a document: as the BSON the server receives and answers with, by mongo-java-server's
 * own encoder and decoder, so that a document reads back as it was written. Also the form of the {@code _id} index's
 * keys ({@link IndexKeys}), a document of their values.
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final BsonDocuments TYPE = new BsonDocuments();

    /** H2 accounts its page cache by the stored size: a running average of the documents encoded and decoded. */
    private volatile int averageSize = 1024;

    private BsonDocuments() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
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

    /** Writes a document of field names to values as its length and its BSON; returns the BSON's length. */
    static int writeBson(WriteBuffer buffer, Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
            return length;
        } finally {
            bson.release();
        }
    }

    /** Reads what {@link #writeBson} wrote. */
    static Document readBson(ByteBuffer buffer) {
        byte[] bson = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
