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
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
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
 * {@code compare-users --png} (docs/compare.md '--png'). For shared, total and alternate: a grouped bar
 * chart, one group per word, one bar per user, titled with the names and the time the answer is as of
 * (with no mutual words, each user's own top words). For distinctive: a diverging horizontal bar chart
 * of z, one bar per word labelled with the word and the counts, the first user's words (z > 0) to the
 * right, the second's (z < 0) to the left; with more users each user's list against the others pooled,
 * one colour per user.
 */
public final class ComparisonChart {

  public static final int DEFAULT_WIDTH = 1200;
  public static final int DEFAULT_HEIGHT = 700;
  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  /** One colour per user, in the order named (the first two: blue and orange). */
  static final Color[] COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
      new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F)};
  /** The one series of a distinctive chart. */
  static final String Z = "z";

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ComparisonChart() {}

  /**
   * Shared, total, alternate: rows are the users (in order), columns the words (in rank order).
   * Distinctive: one row {@value #Z}, columns the bars' labels ({@link #label}), values the z.
   */
  public static DefaultCategoryDataset dataset(Comparison c) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    List<UserWords> users = c.users();
    if (c.rank() == Rank.DISTINCTIVE) {
      for (RankedWord w : c.ranked()) {
        d.addValue(w.z(Math.max(0, w.user())), Z, label(c, w));
      }
    } else if (c.noMutualWords()) {
      for (int i = 0; i < users.size(); i++) {
        for (Map.Entry<String, Long> e : c.ownTop().get(i)) {
          for (int k = 0; k < users.size(); k++) {
            d.addValue(k == i ? e.getValue() : 0L, users.get(k).user(), e.getKey());
          }
        }
      }
    } else {
      for (RankedWord w : c.ranked()) {
        for (int i = 0; i < users.size(); i++) {
          d.addValue(w.count(i), users.get(i).user(), w.word());
        }
      }
    }
    return d;
  }

  /**
   * A distinctive bar's label: two users, {@code "word (countA / countB)"}; more, the list's user, the
   * word, and that user's count against the others' together: {@code "alice: word (3 / 1)"}.
   */
  static String label(Comparison c, RankedWord w) {
    if (w.user() < 0) {
      return w.word() + " (" + w.count(0) + " / " + w.count(1) + ")";
    }
    long own = w.count(w.user());
    return c.users().get(w.user()).user() + ": " + w.word() + " (" + own + " / " + (w.counts().sum() - own) + ")";
  }

  public static JFreeChart chart(Comparison c) {
    return c.rank() == Rank.DISTINCTIVE ? distinctive(c) : bars(c);
  }

  private static String names(Comparison c) {
    return String.join(" vs ", c.users().stream().map(UserWords::user).toList());
  }

  private static JFreeChart bars(Comparison c) {
    String title = names(c) + " (as of " + AS_OF.format(c.read().asOf()) + ")";
    JFreeChart chart = ChartFactory.createBarChart(title, null, "count", dataset(c),
        PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    String sub = c.noMutualWords()
        ? "no mutual words: each user's own top words"
        : (c.ranked().size() < c.mutualWords() ? "top " + c.ranked().size() + " of " : "all ")
            + c.mutualWords() + " mutual words, ranked by " + c.rank().cliName()
            + "   |   tweets " + String.join(" / ", c.users().stream().map(u -> Long.toString(u.tweets())).toList());
    chart.addSubtitle(new TextTitle(sub, new Font(Font.SANS_SERIF, Font.PLAIN, 15)));
    CategoryPlot plot = chart.getCategoryPlot();
    CategoryAxis words = plot.getDomainAxis();
    words.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    words.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    words.setMaximumCategoryLabelLines(1);
    words.setCategoryMargin(0.15);
    NumberAxis counts = (NumberAxis) plot.getRangeAxis();
    counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setItemMargin(0.02);
    for (int i = 0; i < c.users().size(); i++) {
      r.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
    }
    return chart;
  }

  private static JFreeChart distinctive(Comparison c) {
    List<UserWords> users = c.users();
    String title = names(c) + ": distinctive words (" + c.method().prior().cliName() + " prior, size "
        + c.method().priorSizeText() + ")";
    String side = users.size() == 2
        ? "z > 0: " + users.get(0).user() + ", z < 0: " + users.get(1).user()
        : "each user against the others pooled";
    JFreeChart chart = ChartFactory.createBarChart(title, null, "z (weighted log-odds, " + side + ")", dataset(c),
        PlotOrientation.HORIZONTAL, true, false, false);
    style(chart);
    String shown = users.size() == 2
        ? (c.ranked().size() < c.vocabulary() ? "the " + c.top() + " highest and " + c.top() + " lowest z of " : "all ")
        : (c.ranked().size() < (long) c.vocabulary() * users.size() ? "each user's top " + c.top() + " of " : "all ");
    String counts = users.size() == 2 ? "labels: word (" + users.get(0).user() + " / " + users.get(1).user() + ")"
        : "labels: user: word (that user's count / the others')";
    chart.addSubtitle(new TextTitle(shown + c.vocabulary() + " words   |   " + counts + "   |   as of "
        + AS_OF.format(c.read().asOf()), new Font(Font.SANS_SERIF, Font.PLAIN, 14)));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setRangeZeroBaselineVisible(true);
    plot.setRangeZeroBaselinePaint(Color.DARK_GRAY);
    CategoryAxis words = plot.getDomainAxis();
    words.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    words.setMaximumCategoryLabelWidthRatio(0.4f);
    words.setCategoryMargin(0.2);
    List<Color> paints = new java.util.ArrayList<>();
    LegendItemCollection legend = new LegendItemCollection();
    for (RankedWord w : c.ranked()) {
      paints.add(COLOURS[(w.user() >= 0 ? w.user() : w.z(0) >= 0 ? 0 : 1) % COLOURS.length]);
    }
    for (int i = 0; i < users.size(); i++) {
      String what = users.size() == 2 ? (i == 0 ? " (z > 0)" : " (z < 0)") : "";
      legend.add(new LegendItem(users.get(i).user() + what, COLOURS[i % COLOURS.length]));
    }
    BarRenderer r = new BarRenderer() {
      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return paints.get(column);
      }

      @Override
      public LegendItemCollection getLegendItems() {
        return legend;
      }
    };
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    plot.setRenderer(r);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xCCCCCC));
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    BarRenderer r = (BarRenderer) plot.getRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
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
