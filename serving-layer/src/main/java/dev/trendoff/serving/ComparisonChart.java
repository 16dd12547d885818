package dev.trendoff.serving;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.trendoff.core.UserError;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code compare-users --png}: a grouped bar chart, one group per word, one bar per user, titled with
 * both names and the time the answer is as of. With no mutual words, each user's own top words.
 */
public final class ComparisonChart {

  public static final int DEFAULT_WIDTH = 1200;
  public static final int DEFAULT_HEIGHT = 700;
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ComparisonChart() {}

  /** Rows are the two users (in order), columns the words (in rank order). */
  public static DefaultCategoryDataset dataset(Comparison c) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    String a = c.a().user();
    String b = c.b().user();
    if (c.noMutualWords()) {
      for (Map.Entry<String, Long> e : c.ownTopA()) {
        d.addValue(e.getValue(), a, e.getKey());
        d.addValue(0L, b, e.getKey());
      }
      for (Map.Entry<String, Long> e : c.ownTopB()) {
        d.addValue(0L, a, e.getKey());
        d.addValue(e.getValue(), b, e.getKey());
      }
    } else {
      for (WordCounts w : c.words()) {
        d.addValue(w.a(), a, w.word());
        d.addValue(w.b(), b, w.word());
      }
    }
    return d;
  }

  public static JFreeChart chart(Comparison c) {
    String title = c.a().user() + " vs " + c.b().user() + " (as of " + AS_OF.format(c.read().asOf()) + ")";
    JFreeChart chart = ChartFactory.createBarChart(title, null, "count", dataset(c),
        PlotOrientation.VERTICAL, true, false, false);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    String sub = c.noMutualWords()
        ? "no mutual words: each user's own top words"
        : (c.words().size() < c.mutualWords() ? "top " + c.words().size() + " of " : "all ")
            + c.mutualWords() + " mutual words, ranked by " + c.rank().cliName()
            + "   |   tweets " + c.a().tweets() + " / " + c.b().tweets();
    chart.addSubtitle(new TextTitle(sub, new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xCCCCCC));
    CategoryAxis words = plot.getDomainAxis();
    words.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    words.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    words.setMaximumCategoryLabelLines(1);
    words.setCategoryMargin(0.15);
    NumberAxis counts = (NumberAxis) plot.getRangeAxis();
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    counts.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    counts.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.02);
    r.setSeriesPaint(0, new Color(0x1F77B4));
    r.setSeriesPaint(1, new Color(0xFF7F0E));
    return chart;
  }

  /** Fails early, before any query, when the file cannot be written. */
  public static void checkWritable(Path file) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (Files.isDirectory(abs)) {
      throw UserError.usage("--png " + file + " is a directory: name a file");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw UserError.usage("--png " + file + ": directory " + dir + " does not exist");
    }
    if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
      throw UserError.usage("--png " + file + ": not writable");
    }
  }

  public static void write(Comparison c, Path file, int width, int height) {
    checkWritable(file);
    try {
      ChartUtils.saveChartAsPNG(file.toFile(), chart(c), width, height);
    } catch (IOException e) {
      throw new UserError("cannot write the chart to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The same chart as PNG bytes (what {@link #write} puts in a file; the HTTP front end's compare.png). */
  public static byte[] png(Comparison c, int width, int height) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
    try {
      ChartUtils.writeChartAsPNG(out, chart(c), width, height);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The words the chart shows, in order (for tests and messages). */
  public static List<String> words(DefaultCategoryDataset d) {
    return d.getColumnKeys().stream().map(Object::toString).toList();
  }
}
