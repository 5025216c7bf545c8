package io.darkroom.api;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A photo carrying what people must not publish by accident (a GPS position, the photographer's name, a city) next to
 * what attribution keeps (copyright and credit), in EXIF, IPTC and XMP, written with Commons Imaging; and what a file
 * carries, read back with metadata-extractor.
 */
public final class PhotoMetadata {
    private PhotoMetadata() {
    }

    public static byte[] photoWithPrivateMetadata(int width, int height) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ARTIST, "Jane Doe");
        root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, "(c) Jane Doe 2026");
        exif.setGpsInDegrees(2.2945, 48.8584);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(TestImages.jpeg(width, height, 5), withExif, exif);
        ByteArrayOutputStream withIptc = new ByteArrayOutputStream();
        new JpegIptcRewriter().writeIptc(withExif.toByteArray(), withIptc, new PhotoshopApp13Data(List.of(
                new IptcRecord(IptcTypes.BYLINE, "Jane Doe"), new IptcRecord(IptcTypes.CITY, "Paris"),
                new IptcRecord(IptcTypes.CREDIT, "Jane Photo Agency"), new IptcRecord(IptcTypes.COPYRIGHT_NOTICE, "(c) Jane Doe")),
                List.of()));
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withIptc.toByteArray(), withXmp, """
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>""");
        return withXmp.toByteArray();
    }

    /**
     * What {@code image} carries of the fields {@link #photoWithPrivateMetadata} writes, by name ({@code gps}, {@code artist},
     * {@code copyright}, {@code by-line}, {@code city}, {@code credit}, {@code copyright-notice}, {@code xmp}); absent ones are left out.
     */
    public static Map<String, String> fieldsIn(byte[] image) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
        Map<String, String> fields = new LinkedHashMap<>();
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null && gps.getGeoLocation() != null) {
            fields.put("gps", gps.getGeoLocation().toString());
        }
        put(fields, "artist", metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), ExifIFD0Directory.TAG_ARTIST);
        put(fields, "copyright", metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), ExifIFD0Directory.TAG_COPYRIGHT);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        put(fields, "by-line", iptc, IptcDirectory.TAG_BY_LINE);
        put(fields, "city", iptc, IptcDirectory.TAG_CITY);
        put(fields, "credit", iptc, IptcDirectory.TAG_CREDIT);
        put(fields, "copyright-notice", iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE);
        XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        if (xmp != null && !xmp.getXmpProperties().isEmpty()) {
            fields.put("xmp", String.valueOf(xmp.getXmpProperties()));
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String name, Directory directory, int tag) {
        if (directory != null && directory.getString(tag) != null) {
            fields.put(name, directory.getString(tag).strip());
        }
    }
}
