package io.dateline.media;

import static io.dateline.media.MediaFixtures.contains;
import static io.dateline.media.MediaFixtures.segmentMarkers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ImageProcessorTests {

    private final ImageProcessor processor = new ImageProcessor(properties(DataSize.ofMegabytes(10), 40_000_000));

    @Test
    void sniffsTheTypeFromTheBytesAlone() {
        assertThat(ImageType.sniff(MediaFixtures.jpeg(8, 8))).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(MediaFixtures.png(8, 8))).contains(ImageType.PNG);
        assertThat(ImageType.sniff(MediaFixtures.WEBP_1X1)).contains(ImageType.WEBP);
        assertThat(ImageType.sniff("GIF89a".getBytes())).isEmpty();
        assertThat(ImageType.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()))
                .isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void rendersTheConfiguredWidthsKeepingTheAspectRatio() throws IOException {
        ImageProcessor.Processed processed = processor.process(MediaFixtures.png(2000, 1000));

        assertThat(processed.type()).isEqualTo(ImageType.PNG);
        assertThat(processed.width()).isEqualTo(2000);
        assertThat(processed.renditions())
                .extracting(ImageProcessor.Rendition::width, ImageProcessor.Rendition::height)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(320, 160),
                        org.assertj.core.groups.Tuple.tuple(640, 320),
                        org.assertj.core.groups.Tuple.tuple(1280, 640));
        for (ImageProcessor.Rendition rendition : processed.renditions()) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(rendition.jpeg()));
            assertThat(ImageType.sniff(rendition.jpeg())).contains(ImageType.JPEG);
            assertThat(decoded.getWidth()).isEqualTo(rendition.width());
            assertThat(decoded.getHeight()).isEqualTo(rendition.height());
        }
    }

    @Test
    void neverEnlargesANarrowOriginal() {
        assertThat(processor.process(MediaFixtures.png(500, 300)).renditions())
                .extracting(ImageProcessor.Rendition::width)
                .containsExactly(320, 500);
        assertThat(processor.process(MediaFixtures.jpeg(200, 100)).renditions())
                .extracting(ImageProcessor.Rendition::width)
                .containsExactly(200);
    }

    @Test
    void readsWebP() {
        ImageProcessor.Processed processed = processor.process(MediaFixtures.WEBP_1X1);

        assertThat(processed.type()).isEqualTo(ImageType.WEBP);
        assertThat(processed.renditions())
                .extracting(ImageProcessor.Rendition::width, ImageProcessor.Rendition::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1));
    }

    @Test
    void stripsExifAndGpsByReEncoding() {
        byte[] upload = MediaFixtures.jpegWithGps(800, 600);
        assertThat(segmentMarkers(upload)).contains(0xe1);
        assertThat(contains(upload, "Exif".getBytes())).isTrue();

        ImageProcessor.Processed processed = processor.process(upload);

        assertThat(processed.renditions()).hasSize(3);
        for (ImageProcessor.Rendition rendition : processed.renditions()) {
            assertThat(segmentMarkers(rendition.jpeg()))
                    .as("no APP1 (EXIF, XMP) or other application segment but JFIF's APP0")
                    .doesNotContain(0xe1, 0xe2, 0xed, 0xfe);
            assertThat(contains(rendition.jpeg(), "Exif".getBytes())).isFalse();
        }
    }

    @Test
    void refusesATruncatedFile() {
        byte[] png = MediaFixtures.png(300, 200);
        byte[] jpeg = MediaFixtures.jpeg(300, 200);

        assertThatThrownBy(() -> processor.process(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(UnreadableImageException.class);
        assertThatThrownBy(() -> processor.process(Arrays.copyOf(jpeg, jpeg.length / 2)))
                .isInstanceOf(UnreadableImageException.class);
        assertThatThrownBy(() -> processor.process(Arrays.copyOf(png, 20)))
                .isInstanceOf(UnreadableImageException.class);
    }

    @Test
    void refusesADecompressionBombFromItsHeader() {
        byte[] bomb = MediaFixtures.pngHeader(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> processor.process(bomb))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("100000 x 100000");
    }

    @Test
    void refusesTooManyBytesAndTooManyPixels() {
        ImageProcessor strict = new ImageProcessor(properties(DataSize.ofKilobytes(1), 10_000));

        assertThatThrownBy(() -> strict.process(MediaFixtures.png(100, 100)))
                .isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> strict.process(MediaFixtures.jpeg(101, 100)))
                .isInstanceOf(ImageTooLargeException.class);
    }

    @Test
    void refusesWhatIsNoImage() {
        assertThatThrownBy(() -> processor.process("just text, named photo.jpg".getBytes()))
                .isInstanceOf(UnsupportedImageException.class);
    }

    @Test
    void demoDrawingsAreUploadableImages() {
        byte[] drawing =
                DemoLeadImages.draw("Science & Space", new java.awt.Color[] {java.awt.Color.BLUE, java.awt.Color.CYAN});

        assertThat(processor.process(drawing).renditions())
                .extracting(ImageProcessor.Rendition::width)
                .containsExactly(320, 640, 1280);
    }

    static MediaProperties properties(DataSize maxFileSize, long maxPixels) {
        return new MediaProperties(
                MediaProperties.Storage.FILESYSTEM,
                Path.of("target/test-media"),
                java.net.URI.create("http://localhost/media"),
                maxFileSize,
                maxPixels,
                List.of(320, 640, 1280),
                0.85f,
                new MediaProperties.S3(null, "us-east-1", null, false, null, null, ""));
    }
}
