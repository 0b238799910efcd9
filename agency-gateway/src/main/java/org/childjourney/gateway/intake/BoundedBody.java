package org.childjourney.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read up to a limit, and no further: the gateway never holds more of one request than the limit,
 * whatever the caller declares or sends. A body over the limit is refused before anything of it is recorded.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The whole body.
     *
     * @param declaredLength the {@code Content-Length}, or -1 when the body is sent in chunks
     * @throws BodyTooLarge as soon as the declared length or the bytes read pass {@code limit}
     */
    static byte[] read(InputStream body, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            throw new BodyTooLarge(limit);
        }
        ByteArrayOutputStream read = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
            if (read.size() + n > limit) {
                throw new BodyTooLarge(limit);
            }
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }
}
