package io.darkroom.infrastructure.derivation.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** The picture the imaging tests derive: 1200 x 800, left half red, right half blue, the top 100 rows of the left half green. */
final class TestPicture {
    private TestPicture() {
    }

    static BufferedImage halves() {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 800);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 600, 100);
        g.dispose();
        return image;
    }

    /**
     * A grey PNG ({@code level} in every channel) whose embedded ICC profile says its values are linear RGB: shown right,
     * {@code 128} is a light grey (about {@code 188} in sRGB).
     */
    static byte[] greyInLinearRgb(int level) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.metadata.IIOMetadata metadata = writer.getDefaultImageMetadata(
                javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), null);
        javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_png_1.0");
        javax.imageio.metadata.IIOMetadataNode iccp = new javax.imageio.metadata.IIOMetadataNode("iCCP");
        iccp.setAttribute("profileName", "linear");
        iccp.setAttribute("compressionMethod", "deflate");
        // ImageIO's PNG writer takes the profile already compressed, as the chunk holds it
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData());
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        iccp.setUserObject(compressed.toByteArray());
        root.appendChild(iccp);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new javax.imageio.IIOImage(image, null, metadata));
        }
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
