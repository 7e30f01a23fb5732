package dev.tablewright.app.diagram;

import dev.tablewright.app.storage.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** A picture as plain pixels (ARGB, row by row): how the canvas hands a rendering to the ViewModel to save. */
public record PixelImage(int width, int height, int[] argb) {

    /** Writes the picture as a PNG file. */
    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("No PNG writer is available.");
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
