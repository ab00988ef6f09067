package io.dateline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.springframework.stereotype.Component;

/**
 * From uploaded bytes to renditions: sniff the type, read the dimensions from the header and refuse
 * a decompression bomb before decoding, decode (any reader warning, such as a truncated file, is a
 * refusal rather than a grey half-picture), turn the picture upright by its EXIF orientation, and
 * encode JPEG renditions from the pixels alone. No metadata block of the upload is copied, so EXIF,
 * GPS, XMP and comments are gone from everything stored.
 */
@Component
class ImageProcessor {

    private final MediaProperties properties;

    ImageProcessor(MediaProperties properties) {
        this.properties = properties;
    }

    record Rendition(int width, int height, byte[] jpeg) {}

    record Processed(ImageType type, int width, int height, List<Rendition> renditions) {}

    Processed process(byte[] bytes) {
        if (bytes.length > properties.maxFileSize().toBytes()) {
            throw new ImageTooLargeException("The file has " + bytes.length + " bytes; at most "
                    + properties.maxFileSize().toBytes() + " are accepted.");
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(UnsupportedImageException::new);
        BufferedImage image = decode(bytes, type);
        List<Rendition> renditions = new ArrayList<>();
        for (int width : widths(image.getWidth())) {
            renditions.add(render(image, width));
        }
        return new Processed(type, image.getWidth(), image.getHeight(), renditions);
    }

    /** The configured widths narrower than the original, and the original's own when it is narrower. */
    List<Integer> widths(int originalWidth) {
        TreeSet<Integer> widths = new TreeSet<>();
        for (int width : properties.renditionWidths()) {
            widths.add(Math.min(width, originalWidth));
        }
        return List.copyOf(widths);
    }

    private BufferedImage decode(byte[] bytes, ImageType type) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName);
            if (!readers.hasNext()) {
                throw new UnsupportedImageException();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, false);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new UnreadableImageException();
                }
                if (width * height > properties.maxPixels()) {
                    throw new ImageTooLargeException("The image is " + width + " x " + height + " pixels; at most "
                            + properties.maxPixels() + " pixels are accepted.");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                Orientation orientation = type == ImageType.JPEG ? orientation(reader) : null;
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty() || image == null) {
                    throw new UnreadableImageException();
                }
                return upright(image, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof MediaProblem) {
                throw (RuntimeException) ex;
            }
            throw new UnreadableImageException();
        }
    }

    /** A broken EXIF block is not worth refusing the picture for: it is dropped anyway. */
    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static BufferedImage upright(BufferedImage image, Orientation orientation) {
        BufferedImage rgb = opaque(image);
        if (orientation == null || orientation == Orientation.TOP_LEFT) {
            return rgb;
        }
        ImageFilter filter = ExifFilterUtils.getFilterForOrientation(orientation);
        return opaque(filter.apply(rgb));
    }

    /** JPEG has no alpha: transparent parts go on white, as a browser shows them on a page. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private Rendition render(BufferedImage image, int width) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BufferedImage scaled = width == image.getWidth()
                    ? image
                    : Thumbnails.of(image).width(width).asBufferedImage();
            Thumbnails.of(scaled)
                    .scale(1)
                    .outputFormat("jpg")
                    .outputQuality(properties.jpegQuality())
                    .toOutputStream(out);
            return new Rendition(scaled.getWidth(), scaled.getHeight(), out.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
