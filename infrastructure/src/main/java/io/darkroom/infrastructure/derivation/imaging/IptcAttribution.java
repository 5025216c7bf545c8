package io.darkroom.infrastructure.derivation.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a JPEG's IPTC block (the APP13 payload libvips keeps as {@code iptc-data}: {@code "Photoshop 3.0\0"} then
 * {@code 8BIM} resources, the IPTC-NAA record being resource 0x0404) down to its attribution: the Credit (2:110) and
 * Copyright Notice (2:116) datasets, with the envelope record (1:*, which names the character set) and the record
 * version (2:0) that readers need to read them. Every other resource (thumbnails, the digest that would no longer
 * match) and dataset (by-line, city, keywords...) is dropped.
 */
final class IptcAttribution {
    private static final byte[] PHOTOSHOP = "Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESOURCE = "8BIM".getBytes(StandardCharsets.US_ASCII);
    private static final int IPTC_NAA = 0x0404;

    private IptcAttribution() {
    }

    /** The block with only the attribution datasets, or null when it has none (or is no block this reads). */
    static byte[] keep(byte[] block) {
        if (block == null || block.length < PHOTOSHOP.length || !Arrays.equals(block, 0, PHOTOSHOP.length, PHOTOSHOP, 0, PHOTOSHOP.length)) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(block);
        in.position(PHOTOSHOP.length);
        while (in.remaining() >= 12) {
            byte[] signature = new byte[4];
            in.get(signature);
            if (!Arrays.equals(signature, RESOURCE)) {
                return null;
            }
            int id = Short.toUnsignedInt(in.getShort());
            int nameLength = Byte.toUnsignedInt(in.get());
            // the name is a Pascal string padded to an even size, its length byte included
            in.position(in.position() + nameLength + ((nameLength + 1) % 2));
            if (in.remaining() < 4) {
                return null;
            }
            int size = in.getInt();
            if (size < 0 || size > in.remaining()) {
                return null;
            }
            if (id == IPTC_NAA) {
                byte[] kept = datasets(block, in.position(), size);
                return kept == null ? null : wrap(kept);
            }
            in.position(in.position() + size + (size % 2));
        }
        return null;
    }

    private static byte[] datasets(byte[] block, int start, int size) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        boolean attribution = false;
        int at = start;
        int end = start + size;
        while (at + 5 <= end && block[at] == 0x1C) {
            int record = Byte.toUnsignedInt(block[at + 1]);
            int dataset = Byte.toUnsignedInt(block[at + 2]);
            int length = ((block[at + 3] & 0xFF) << 8) | (block[at + 4] & 0xFF);
            if ((length & 0x8000) != 0 || at + 5 + length > end) {
                break; // extended lengths are for binary data, never for these text fields
            }
            boolean credit = record == 2 && (dataset == 110 || dataset == 116);
            if (credit || record == 1 || (record == 2 && dataset == 0)) {
                kept.write(block, at, 5 + length);
                attribution |= credit;
            }
            at += 5 + length;
        }
        return attribution ? kept.toByteArray() : null;
    }

    private static byte[] wrap(byte[] datasets) {
        int padded = datasets.length + (datasets.length % 2);
        ByteBuffer out = ByteBuffer.allocate(PHOTOSHOP.length + 4 + 2 + 2 + 4 + padded);
        out.put(PHOTOSHOP).put(RESOURCE).putShort((short) IPTC_NAA).put((byte) 0).put((byte) 0).putInt(datasets.length).put(datasets);
        return out.array();
    }
}
