package io.dateline.media;

import io.dateline.platform.DemoDataStep;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data step "lead images" (after the SQL scripts of db/demo, run once by the demo loader): one
 * picture per topic, drawn here (a colour gradient with the topic's name, no third-party photo),
 * uploaded like an editor's, and set as lead image of the demo articles (those the demo script wrote,
 * revision 1 by editor "demo") whose primary topic it is; other articles, e.g. a benchmark's
 * million, are left alone. Runs on first start only.
 */
@Component
class DemoLeadImages implements DemoDataStep {

    static final int WIDTH = 1280;

    static final int HEIGHT = 720;

    private static final Color[][] PALETTE = {
        {new Color(0x1d3557), new Color(0x457b9d)},
        {new Color(0x264653), new Color(0x2a9d8f)},
        {new Color(0x3d405b), new Color(0xe07a5f)},
        {new Color(0x283618), new Color(0x606c38)},
        {new Color(0x03045e), new Color(0x0096c7)},
        {new Color(0x6a040f), new Color(0xdc2f02)},
        {new Color(0x5a189a), new Color(0xc77dff)},
        {new Color(0x004b23), new Color(0x38b000)}
    };

    private final Images images;

    private final JdbcClient jdbc;

    DemoLeadImages(Images images, JdbcClient jdbc) {
        this.images = images;
        this.jdbc = jdbc;
    }

    @Override
    public String version() {
        return "30";
    }

    @Override
    public String description() {
        return "lead images";
    }

    @Override
    public void load() {
        attach();
    }

    /** Draws and stores one picture per topic and attaches it; returns how many articles got one. */
    int attach() {
        record Section(long id, String name) {}
        List<Section> sections = jdbc.sql("""
                        select t.id, t.name from topic t
                         where exists (select 1 from article_topic at join article_revision r
                                          on r.article_id = at.article_id and r.version = 1 and r.editor = 'demo'
                                        where at.topic_id = t.id and at.is_primary)
                         order by t.position, t.id
                        """)
                .query((rs, n) -> new Section(rs.getLong(1), rs.getString(2)))
                .list();
        int attached = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            ImageResponse image = images.upload(
                            draw(section.name(), PALETTE[i % PALETTE.length]),
                            section.name(),
                            "Dateline demo graphic",
                            "The words \"" + section.name() + "\" on a colour gradient")
                    .image();
            attached += jdbc.sql("""
                            update article a set lead_image_id = :image
                              from article_topic t, article_revision r
                             where t.article_id = a.id and t.topic_id = :topic and t.is_primary
                               and r.article_id = a.id and r.version = 1 and r.editor = 'demo'
                               and a.lead_image_id is null
                            """)
                    .param("image", image.id())
                    .param("topic", section.id())
                    .update();
        }
        return attached;
    }

    static byte[] draw(String title, Color[] colours) {
        BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setPaint(new GradientPaint(0, 0, colours[0], WIDTH, HEIGHT, colours[1]));
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            graphics.setColor(new Color(255, 255, 255, 40));
            graphics.setStroke(new BasicStroke(24));
            for (int r = 160; r <= 640; r += 160) {
                graphics.drawOval(WIDTH - r - 80, HEIGHT - r - 40, 2 * r, 2 * r);
            }
            caption(graphics, title);
        } finally {
            graphics.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(canvas, "png", out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A runtime without any font (a minimal container) still gets its gradients, just no words. */
    private static void caption(Graphics2D graphics, String title) {
        try {
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setColor(Color.WHITE);
            int size = 88;
            graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics metrics = graphics.getFontMetrics();
            while (metrics.stringWidth(title) > WIDTH - 160 && size > 32) {
                size -= 8;
                graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
                metrics = graphics.getFontMetrics();
            }
            graphics.drawString(title, 80, HEIGHT - 100);
            graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
            graphics.drawString("DATELINE", 80, 110);
        } catch (RuntimeException | Error noFonts) {
            // e.g. "Fontconfig head is null" where the system has no fonts at all
        }
    }
}
