package dev.trendoff.core;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json} (a picocli mixin): the command prints its report as one JSON object, one line, on
 * standard output; its text lines then go to standard error, so that standard output holds JSON only.
 * Each command's object is documented in docs/json.md.
 */
public final class JsonOption {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--json", description = "print the report as one JSON object on standard output (docs/json.md);"
      + " the text lines go to standard error")
  boolean json;

  public boolean on() {
    return json;
  }

  /**
   * Runs a command's body. Under {@code --json} its text lines, printed on {@code System.out}, go to standard
   * error meanwhile, so that standard output holds only the JSON {@link #print} writes (picocli's out).
   */
  public int run(java.util.concurrent.Callable<Integer> body) throws Exception {
    if (!json) {
      return body.call();
    }
    command.commandLine().getOut(); // picocli wraps System.out on first use: the real one, before the swap
    java.io.PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      return body.call();
    } finally {
      System.out.flush();
      System.setOut(stdout);
    }
  }

  /** Under {@code --json}, prints {@code report} (maps, lists, strings, numbers, records) as one line of JSON. */
  public void print(Object report) {
    if (json) {
      PrintWriter out = command.commandLine().getOut();
      out.println(of(report));
      out.flush();
    }
  }

  /** {@code value} as one line of JSON. */
  public static String of(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
