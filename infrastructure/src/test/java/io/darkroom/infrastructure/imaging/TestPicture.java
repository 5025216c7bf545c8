package io.darkroom.infrastructure.imaging;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

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

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
